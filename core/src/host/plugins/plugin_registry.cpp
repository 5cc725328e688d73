#include "host/plugins/plugin_registry.h"

#include <algorithm>
#include <cstring>

#include <boost/dll/shared_library.hpp>

#include "hamhub/version.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifestAlias = "hamhub_manifest";
constexpr const char* kFactoryAlias = "hamhub_create";

bool validName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool isInside(const fs::path& file, const fs::path& root) {
  auto f = file.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++f) {
    if (f == file.end() || *f != *r) return false;
  }
  return true;
}

Status validateOptions(const PluginManifest& m) {
  if (m.optionCount > 0 && m.options == nullptr) return Status::error("option table is missing");
  for (std::size_t i = 0; i < m.optionCount; ++i) {
    const OptionSpec& o = m.options[i];
    if (o.name == nullptr || !validName(o.name)) return Status::error("option " + std::to_string(i) + " has no valid name");
    if (static_cast<std::uint32_t>(o.type) < 1 ||
        static_cast<std::uint32_t>(o.type) > static_cast<std::uint32_t>(OptionType::Array)) {
      return Status::error(std::string("option '") + o.name + "' has an unknown type");
    }
    if (o.defaultJson != nullptr) {
      auto def = parseJson(o.defaultJson);
      if (!def.isOk()) return Status::error(std::string("option '") + o.name + "' has an invalid default");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (std::strcmp(m.options[j].name, o.name) == 0) {
        return Status::error(std::string("option '") + o.name + "' is declared twice");
      }
    }
  }
  return Status::ok();
}

}  // namespace

const OptionSpec* LoadedPlugin::findOption(std::string_view optionName) const {
  for (std::size_t i = 0; i < manifest->optionCount; ++i) {
    if (optionName == manifest->options[i].name) return &manifest->options[i];
  }
  return nullptr;
}

Status validateManifest(const PluginManifest& m) {
  if (m.layout != kManifestLayout) {
    return Status::error("manifest layout " + std::to_string(m.layout) + " is not the one this hamhub reads (" +
                             std::to_string(kManifestLayout) + "); rebuild the plugin against this SDK",
                         "incompatible");
  }
  const char* hostAbi = HAMHUB_ABI_TAG;
  if (m.abiTag == nullptr || std::strcmp(m.abiTag, hostAbi) != 0) {
    return Status::error(std::string("built for ABI '") + (m.abiTag != nullptr ? m.abiTag : "?") +
                             "' but this hamhub is '" + hostAbi + "'; rebuild the plugin with the same compiler",
                         "incompatible");
  }
  const std::string hostApi = std::to_string(HAMHUB_API_MAJOR) + "." + std::to_string(HAMHUB_API_MINOR);
  if (m.apiMajor != HAMHUB_API_MAJOR) {
    return Status::error("built for hamhub API " + std::to_string(m.apiMajor) + ".x but this hamhub provides API " +
                             hostApi,
                         "incompatible");
  }
  if (m.apiMinMinor > HAMHUB_API_MINOR) {
    return Status::error("needs hamhub API " + std::to_string(m.apiMajor) + "." + std::to_string(m.apiMinMinor) +
                             " or newer but this hamhub provides " + hostApi + "; upgrade hamhub",
                         "incompatible");
  }
  if (m.name == nullptr || !validName(m.name)) {
    return Status::error("plugin name must be 1-64 characters of a-z, 0-9, '-', '_' or '.'", "invalid-plugin");
  }
  const auto kind = static_cast<std::uint32_t>(m.kind);
  if (kind < 1 || kind > 3) return Status::error("unknown plugin kind " + std::to_string(kind), "invalid-plugin");
  if (m.version == nullptr) return Status::error("manifest has no version", "invalid-plugin");
  Status options = validateOptions(m);
  if (!options) return Status::error(options.message(), "invalid-plugin");
  return Status::ok();
}

PluginRegistry::~PluginRegistry() = default;

PluginRegistry PluginRegistry::load(const std::vector<fs::path>& dirs) {
  PluginRegistry registry;
  std::vector<fs::path> roots;
  std::vector<fs::path> files;  // directory by directory, in configured order: the first name wins
  for (const auto& dir : dirs) {
    std::error_code ec;
    fs::path root = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(root)) {
      registry.problems_.push_back({dir, "plugin directory does not exist or is not a directory"});
      continue;
    }
    if (std::find(roots.begin(), roots.end(), root) != roots.end()) continue;
    roots.push_back(root);
    std::vector<fs::path> inDir;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      if (entry.path().extension() == ".so") inDir.push_back(entry.path());
    }
    if (ec) registry.problems_.push_back({dir, "cannot list plugin directory: " + ec.message()});
    std::sort(inDir.begin(), inDir.end());  // a stable order makes duplicate reports predictable
    files.insert(files.end(), inDir.begin(), inDir.end());
  }
  for (const auto& file : files) registry.loadFile(file, roots);
  return registry;
}

void PluginRegistry::loadFile(const fs::path& file, const std::vector<fs::path>& roots) {
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec) {
    problems_.push_back({file, "cannot resolve path: " + ec.message()});
    return;
  }
  // A symlink in a plugin directory must not smuggle in a library from elsewhere.
  const bool inside = std::any_of(roots.begin(), roots.end(), [&](const fs::path& r) { return isInside(real, r); });
  if (!inside) {
    problems_.push_back({file, "refused: resolves to " + real.string() + ", outside the configured plugin directories"});
    return;
  }
  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    library->load(real, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    problems_.push_back({file, std::string("not a loadable shared library: ") + e.what()});
    return;
  }
  if (!library->has(kManifestAlias) || !library->has(kFactoryAlias)) {
    problems_.push_back({file, "not a hamhub plugin (no hamhub_manifest / hamhub_create export)"});
    return;
  }
  LoadedPlugin plugin;
  plugin.file = real;
  plugin.library = library;
  try {
    plugin.manifest = &library->get_alias<const PluginManifest>(kManifestAlias);
    plugin.factory = &library->get_alias<Plugin*()>(kFactoryAlias);
  } catch (const std::exception& e) {
    problems_.push_back({file, std::string("cannot read the plugin's exports: ") + e.what()});
    return;
  }
  Status valid = validateManifest(*plugin.manifest);
  if (!valid) {
    problems_.push_back({file, "refused: " + valid.message()});
    return;
  }
  if (const LoadedPlugin* existing = find(plugin.name())) {
    problems_.push_back({file, "refused: duplicate plugin name '" + std::string(plugin.name()) + "' (already loaded from " +
                                   existing->file.string() + ")"});
    return;
  }
  plugins_.push_back(std::move(plugin));
}

const LoadedPlugin* PluginRegistry::find(std::string_view name) const {
  for (const auto& p : plugins_) {
    if (p.name() == name) return &p;
  }
  return nullptr;
}

template <typename T>
Result<std::shared_ptr<T>> PluginRegistry::create(std::string_view name, PluginKind kind) const {
  const std::string kindName = pluginKindName(kind);
  const LoadedPlugin* plugin = find(name);
  if (plugin == nullptr) {
    std::string known;
    for (const auto& p : plugins_) {
      if (p.kind() != kind) continue;
      known += (known.empty() ? "" : ", ") + std::string(p.name());
    }
    return Status::error("unknown " + kindName + " '" + std::string(name) + "' (loaded " + kindName + "s: " +
                             (known.empty() ? "none" : known) + ")",
                         "unknown-" + kindName);
  }
  if (plugin->kind() != kind) {
    return Status::error("plugin '" + std::string(name) + "' is a " + pluginKindName(plugin->kind()) + ", not a " +
                             kindName,
                         "unknown-" + kindName);
  }
  Plugin* raw = plugin->factory();
  if (raw == nullptr) {
    return Status::error("plugin '" + std::string(name) + "' failed to create a " + kindName, "plugin-error");
  }
  // The manifest named the kind and the export macro upcasts that interface, so this downcast is
  // exact; dynamic_cast is avoided because hidden-visibility plugins carry their own typeinfo.
  auto* object = static_cast<T*>(raw);
  auto library = plugin->library;
  // The deleter owns a reference to the library: code stays mapped until the object is gone.
  auto deleter = [library](T* o) { delete o; };
  return std::shared_ptr<T>(object, deleter);
}

Result<std::shared_ptr<Connector>> PluginRegistry::createConnector(std::string_view name) const {
  return create<Connector>(name, PluginKind::Connector);
}

Result<std::shared_ptr<Scorer>> PluginRegistry::createScorer(std::string_view name) const {
  return create<Scorer>(name, PluginKind::Scorer);
}

Result<std::shared_ptr<Notifier>> PluginRegistry::createNotifier(std::string_view name) const {
  return create<Notifier>(name, PluginKind::Notifier);
}

void PluginRegistry::unload() { plugins_.clear(); }

}  // namespace hamhub::host

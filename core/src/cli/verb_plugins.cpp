#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"

namespace hamhub::cli {

namespace {

std::string apiText(const PluginManifest& m) {
  return std::to_string(m.apiMajor) + "." + std::to_string(m.apiMinMinor) + "+";
}

int describe(const Session& session, const Invocation& inv, const std::string& name) {
  const host::LoadedPlugin* plugin = session.registry.find(name);
  if (plugin == nullptr) {
    return fail("no plugin called '" + name + "' is loaded", "Run 'hamhub plugins' to list the loaded plugins.");
  }
  const PluginManifest& m = *plugin->manifest;
  Table options{{"option", "type", "required", "default", "secret", "description"}, {}};
  for (std::size_t i = 0; i < m.optionCount; ++i) {
    const OptionSpec& o = m.options[i];
    options.rows.push_back({o.name, optionTypeName(o.type), o.required,
                            o.defaultJson != nullptr ? JsonValue(o.defaultJson) : JsonValue(), o.secret,
                            o.description != nullptr ? o.description : ""});
  }
  if (inv.format == Format::Json) {
    JsonValue out(JsonValue::Object{});
    out.set("name", m.name);
    out.set("kind", pluginKindName(m.kind));
    out.set("version", m.version);
    out.set("api", apiText(m));
    out.set("description", m.description != nullptr ? m.description : "");
    out.set("file", plugin->file.string());
    JsonValue list(JsonValue::Array{});
    for (std::size_t i = 0; i < m.optionCount; ++i) {
      const OptionSpec& o = m.options[i];
      JsonValue option(JsonValue::Object{});
      option.set("name", o.name);
      option.set("type", optionTypeName(o.type));
      option.set("required", o.required);
      option.set("secret", o.secret);
      JsonValue def;
      if (o.defaultJson != nullptr) {
        if (auto parsed = parseJson(o.defaultJson); parsed.isOk()) def = std::move(parsed).value();
      }
      option.set("default", def);
      option.set("description", o.description != nullptr ? o.description : "");
      list.push(std::move(option));
    }
    out.set("options", std::move(list));
    std::cout << toJson(out, 2) << "\n";
    return kExitOk;
  }
  if (inv.format == Format::Table) {
    std::cout << m.name << " " << m.version << " (" << pluginKindName(m.kind) << ", API " << apiText(m) << ")\n"
              << (m.description != nullptr ? m.description : "") << "\n"
              << "file: " << plugin->file.string() << "\n\n";
  }
  options.render(std::cout, inv.format);
  return kExitOk;
}

int runPlugins(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadHub()) return kExitUsage;
  const bool clean = session.loadPlugins(true);
  if (inv.has("describe")) return describe(session, inv, inv.get("describe"));
  Table table{{"name", "kind", "version", "api", "file", "description"}, {}};
  for (const auto& p : session.registry.plugins()) {
    const PluginManifest& m = *p.manifest;
    table.rows.push_back({m.name, pluginKindName(m.kind), m.version, apiText(m), p.file.string(),
                          m.description != nullptr ? m.description : ""});
  }
  table.render(std::cout, inv.format);
  if (session.registry.plugins().empty() && inv.format == Format::Table) {
    std::cerr << "hamhub: no plugins found in";
    for (const auto& d : session.hub.pluginDirs) std::cerr << " " << d.string();
    std::cerr << "\nBuild the project (cmake --build build) or set \"plugin_dirs\" in " << session.hub.file.string() << ".\n";
  }
  return clean ? kExitOk : kExitUsage;
}

}  // namespace

Verb pluginsVerb() {
  return {"plugins", "list the loaded plugins, or describe one plugin's options", "[--describe NAME]",
          {{"describe", "NAME", "print the plugin's options (name, type, default, description)"}}, true,
          &runPlugins};
}

}  // namespace hamhub::cli

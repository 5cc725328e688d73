#include "hamhub/manifest.h"
#include "hamhub/options.h"

namespace hamhub {

const char* optionTypeName(OptionType type) {
  switch (type) {
    case OptionType::String: return "string";
    case OptionType::Integer: return "integer";
    case OptionType::Number: return "number";
    case OptionType::Boolean: return "boolean";
    case OptionType::StringList: return "list of strings";
    case OptionType::Object: return "object";
    case OptionType::Array: return "list";
  }
  return "unknown";
}

const char* pluginKindName(PluginKind kind) {
  switch (kind) {
    case PluginKind::Connector: return "connector";
    case PluginKind::Scorer: return "scorer";
    case PluginKind::Notifier: return "notifier";
  }
  return "unknown";
}

}  // namespace hamhub

#include "hamhub/notifier.h"

namespace hamhub {

namespace {

const char* kindName(NotificationKind kind) { return kind == NotificationKind::Digest ? "digest" : "alert"; }

// Reads the members one by one, remembering the first that is missing or not of its type.
class MemberReader {
 public:
  explicit MemberReader(const JsonValue& object, std::string where) : object_(object), where_(std::move(where)) {}

  std::string text(std::string_view key) {
    const JsonValue* v = object_.find(key);
    if (v != nullptr && v->isString()) return v->asString();
    fail(key, "a string");
    return {};
  }
  std::int64_t integer(std::string_view key) {
    const JsonValue* v = object_.find(key);
    if (v != nullptr && v->isInteger()) return v->asInt();
    fail(key, "an integer");
    return 0;
  }
  const JsonValue::Array* array(std::string_view key) {
    const JsonValue* v = object_.find(key);
    if (v != nullptr && v->isArray()) return &v->asArray();
    fail(key, "an array");
    return nullptr;
  }
  const Status& status() const { return status_; }

 private:
  void fail(std::string_view key, const char* expected) {
    if (status_) {
      status_ = Status::error("notification " + where_ + "'" + std::string(key) + "' is missing or not " + expected,
                              "invalid-payload");
    }
  }
  const JsonValue& object_;
  std::string where_;
  Status status_;
};

}  // namespace

JsonValue notificationToJson(const Notification& n) {
  JsonValue alerts(JsonValue::Array{});
  for (const auto& a : n.alerts) {
    alerts.push(JsonValue(JsonValue::Object{{"id", a.id},
                                            {"kind", a.kind},
                                            {"severity", a.severity},
                                            {"subject", a.subject},
                                            {"region", a.region},
                                            {"message", a.message},
                                            {"state", a.state},
                                            {"first_seen", a.firstSeen},
                                            {"last_seen", a.lastSeen}}));
  }
  return JsonValue(JsonValue::Object{{"id", n.id},
                                     {"kind", kindName(n.kind)},
                                     {"event", n.event},
                                     {"language", n.language},
                                     {"region", n.region},
                                     {"title", n.title},
                                     {"text", n.text},
                                     {"html", n.html},
                                     {"alerts", std::move(alerts)}});
}

Result<Notification> notificationFromJson(const JsonValue& json) {
  if (!json.isObject()) return Status::error("notification is not a JSON object", "invalid-payload");
  MemberReader read(json, "");
  Notification n;
  n.id = read.text("id");
  const std::string kind = read.text("kind");
  n.event = read.text("event");
  n.language = read.text("language");
  n.region = read.text("region");
  n.title = read.text("title");
  n.text = read.text("text");
  n.html = read.text("html");
  if (read.status() && kind != "alert" && kind != "digest") {
    return Status::error("notification 'kind' is '" + kind + "', not alert or digest", "invalid-payload");
  }
  n.kind = kind == "digest" ? NotificationKind::Digest : NotificationKind::Alert;
  const JsonValue::Array* alerts = read.array("alerts");
  if (!read.status()) return read.status();
  for (std::size_t i = 0; i < alerts->size(); ++i) {
    const JsonValue& item = (*alerts)[i];
    if (!item.isObject()) return Status::error("notification alerts[" + std::to_string(i) + "] is not an object", "invalid-payload");
    MemberReader member(item, "alerts[" + std::to_string(i) + "] ");
    NotifiedAlert a;
    a.id = member.integer("id");
    a.kind = member.text("kind");
    a.severity = member.text("severity");
    a.subject = member.text("subject");
    a.region = member.text("region");
    a.message = member.text("message");
    a.state = member.text("state");
    a.firstSeen = member.text("first_seen");
    a.lastSeen = member.text("last_seen");
    if (!member.status()) return member.status();
    n.alerts.push_back(std::move(a));
  }
  return n;
}

}  // namespace hamhub

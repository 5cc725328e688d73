#include "host/normalise/payload_fields.h"

#include <optional>

#include "hamhub/json.h"

namespace hamhub::host {

namespace {

// Tracks the dotted path of object keys; values inside arrays belong to the array's path. Runs
// once per changed record on the harvest's hot path, so nothing is copied that is not wanted.
class Extractor final : public JsonHandler {
 public:
  explicit Extractor(PayloadFields& wanted) : wanted_(wanted) {}

  Status onNull() override { return scalar(std::nullopt); }
  Status onBool(bool v) override { return scalar(v ? "true" : "false"); }
  Status onNumber(std::string_view t) override { return scalar(t); }
  Status onString(std::string_view v) override { return scalar(v); }
  Status onKey(std::string_view key) override {
    key_.assign(key);
    return Status::ok();
  }
  Status onStartObject() override {
    open('o');
    return Status::ok();
  }
  Status onEndObject() override { return close(); }
  Status onStartArray() override {
    if (capture_ == nullptr && arrays_ == 0 && inObject()) {
      if (PayloadFields::Value* v = wantedValue()) {
        v->present = true;
        v->array = true;
        capture_ = v;
        captureDepth_ = frames_.size() + 1;
      }
    }
    ++arrays_;
    open('a');
    return Status::ok();
  }
  Status onEndArray() override { return close(); }

 private:
  struct Frame {
    char kind;
    std::size_t pathLength;  // path_ length to restore when this container closes
  };

  bool inObject() const { return !frames_.empty() && frames_.back().kind == 'o'; }

  // The value of path_ + "." + key_ (or key_ at the top) if that path is wanted.
  PayloadFields::Value* wantedValue() {
    if (path_.empty()) return wanted_.slot(key_);
    nested_.assign(path_).append(1, '.').append(key_);
    return wanted_.slot(nested_);
  }

  void open(char kind) {
    frames_.push_back({kind, path_.size()});
    // Only objects reached through object keys extend the path (the root object adds nothing).
    if (kind == 'o' && frames_.size() >= 2 && frames_[frames_.size() - 2].kind == 'o' && capture_ == nullptr) {
      path_ = path_.empty() ? key_ : path_ + "." + key_;
    }
  }

  Status close() {
    if (capture_ != nullptr && frames_.size() == captureDepth_) capture_ = nullptr;
    if (frames_.back().kind == 'a') --arrays_;
    path_.resize(frames_.back().pathLength);
    frames_.pop_back();
    return Status::ok();
  }

  Status scalar(std::optional<std::string_view> text) {
    if (capture_ != nullptr) {
      if (frames_.size() == captureDepth_ && text) capture_->items.emplace_back(*text);
      return Status::ok();
    }
    // Values inside arrays (other than a captured one) belong to no path.
    if (!inObject() || arrays_ > 0) return Status::ok();
    if (PayloadFields::Value* v = wantedValue()) {
      v->present = true;
      v->null = !text;
      if (text) v->text.assign(*text);
    }
    return Status::ok();
  }

  PayloadFields& wanted_;
  std::vector<Frame> frames_;
  std::string path_;
  std::string key_;
  std::string nested_;
  int arrays_ = 0;  // open arrays: paths stop at the first one
  PayloadFields::Value* capture_ = nullptr;
  std::size_t captureDepth_ = 0;
};

}  // namespace

bool PayloadFields::read(std::string_view payload, const std::vector<std::string>& paths) {
  bool samePaths = entries_.size() == paths.size();
  for (std::size_t i = 0; samePaths && i < paths.size(); ++i) samePaths = entries_[i].path == paths[i];
  if (!samePaths) {
    entries_.assign(paths.size(), Entry{});
    index_.clear();
    for (std::size_t i = 0; i < paths.size(); ++i) {
      entries_[i].path = paths[i];
      index_.emplace(entries_[i].path, i);
    }
  }
  for (Entry& entry : entries_) {
    entry.value.present = entry.value.null = entry.value.array = false;
    entry.value.text.clear();
    entry.value.items.clear();
  }
  const auto first = payload.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || payload[first] != '{') return false;
  Extractor extractor(*this);
  JsonPushParser parser(extractor);
  return parser.feed(payload).isOk() && parser.finish().isOk();
}

PayloadFields::Value* PayloadFields::slot(std::string_view path) {
  const auto it = index_.find(path);
  return it == index_.end() ? nullptr : &entries_[it->second].value;
}

const PayloadFields::Value* PayloadFields::find(const std::string& path) const {
  const auto it = index_.find(path);
  if (it == index_.end()) return nullptr;
  const Value& value = entries_[it->second].value;
  return value.present ? &value : nullptr;
}

std::string PayloadFields::text(const std::string& path) const {
  const Value* v = find(path);
  return v == nullptr || v->null || v->array ? std::string() : v->text;
}

bool PayloadFields::hasValue(const std::string& path) const {
  const Value* v = find(path);
  if (v == nullptr || !v->present || v->null) return false;
  if (v->array) return !v->items.empty();
  return !v->text.empty() && v->text != "-";
}

}  // namespace hamhub::host

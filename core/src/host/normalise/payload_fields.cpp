#include "host/normalise/payload_fields.h"

#include <algorithm>

#include "hamhub/json.h"

namespace hamhub::host {

namespace {

// Tracks the dotted path of object keys; values inside arrays belong to the array's path.
class Extractor final : public JsonHandler {
 public:
  Extractor(const std::vector<std::string>& wanted, std::unordered_map<std::string, PayloadFields::Value>& out)
      : wanted_(wanted), out_(out) {}

  Status onNull() override { return scalar(nullptr); }
  Status onBool(bool v) override {
    const std::string t = v ? "true" : "false";
    return scalar(&t);
  }
  Status onNumber(std::string_view t) override {
    const std::string s(t);
    return scalar(&s);
  }
  Status onString(std::string_view v) override {
    const std::string s(v);
    return scalar(&s);
  }
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

  PayloadFields::Value* wantedValue() {
    const std::string full = path_.empty() ? key_ : path_ + "." + key_;
    if (std::find(wanted_.begin(), wanted_.end(), full) == wanted_.end()) return nullptr;
    return &out_[full];
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

  Status scalar(const std::string* text) {
    if (capture_ != nullptr) {
      if (frames_.size() == captureDepth_ && text != nullptr) capture_->items.push_back(*text);
      return Status::ok();
    }
    // Values inside arrays (other than a captured one) belong to no path.
    if (!inObject() || arrays_ > 0) return Status::ok();
    if (PayloadFields::Value* v = wantedValue()) {
      v->present = true;
      v->null = text == nullptr;
      if (text != nullptr) v->text = *text;
    }
    return Status::ok();
  }

  const std::vector<std::string>& wanted_;
  std::unordered_map<std::string, PayloadFields::Value>& out_;
  std::vector<Frame> frames_;
  std::string path_;
  std::string key_;
  int arrays_ = 0;  // open arrays: paths stop at the first one
  PayloadFields::Value* capture_ = nullptr;
  std::size_t captureDepth_ = 0;
};

}  // namespace

bool PayloadFields::read(std::string_view payload, const std::vector<std::string>& paths) {
  values_.clear();
  const auto first = payload.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || payload[first] != '{') return false;
  Extractor extractor(paths, values_);
  JsonPushParser parser(extractor);
  return parser.feed(payload).isOk() && parser.finish().isOk();
}

const PayloadFields::Value* PayloadFields::find(const std::string& path) const {
  auto it = values_.find(path);
  return it == values_.end() ? nullptr : &it->second;
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

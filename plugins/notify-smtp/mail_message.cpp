#include "mail_message.h"

#include <cctype>

#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/StringPartSource.h>

namespace hamhub::smtp {

namespace {

// "alert:12:3" → "alert.12.3": a msg-id's left part is a dot-atom.
std::string messageIdPart(const std::string& id) {
  std::string out;
  for (char c : id) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '.') {
      out += '.';
    }
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out.empty() ? "notification" : out;
}

// Poco folds long subjects into several encoded words but also ends the last one with a fold,
// which would leave a whitespace-only header line.
std::string encodedSubject(const std::string& title) {
  std::string encoded = Poco::Net::MailMessage::encodeWord(title, "UTF-8");
  while (!encoded.empty() && (encoded.back() == ' ' || encoded.back() == '\r' || encoded.back() == '\n')) {
    encoded.pop_back();
  }
  return encoded;
}

std::string domainOf(const std::string& address) {
  const auto at = address.find('@');
  return at == std::string::npos ? "hamhub" : address.substr(at + 1);
}

}  // namespace

std::unique_ptr<Poco::Net::MailMessage> buildMailMessage(const SmtpSettings& settings,
                                                         const Notification& notification) {
  auto message = std::make_unique<Poco::Net::MailMessage>();
  message->setSender(settings.from);
  for (const auto& to : settings.to) {
    message->addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, to));
  }
  message->setSubject(encodedSubject(notification.title));
  message->set("Message-ID", "<" + messageIdPart(notification.id) + "@" + domainOf(mailbox(settings.from)) + ">");
  // RFC 3834: out-of-office robots must not answer a machine.
  message->set("Auto-Submitted", "auto-generated");
  message->set("Content-Language", notification.language);
  if (notification.html.empty()) {
    message->setContentType("text/plain; charset=UTF-8");
    message->setContent(notification.text, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    return message;
  }
  // Set before the parts, so Poco keeps "alternative" rather than its default "mixed".
  message->setContentType(Poco::Net::MediaType("multipart", "alternative"));
  message->addContent(new Poco::Net::StringPartSource(notification.text, "text/plain; charset=UTF-8"),
                      Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
  message->addContent(new Poco::Net::StringPartSource(notification.html, "text/html; charset=UTF-8"),
                      Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
  return message;
}

}  // namespace hamhub::smtp

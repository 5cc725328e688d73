#include "smtp_notifier.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <openssl/ssl.h>

#include "mail_message.h"
#include "smtp_failure.h"

namespace hamhub::smtp {

namespace {

// Poco's SecureSMTPClientSession can only connect without a timeout; this session takes a socket
// connected with one and upgrades it to TLS itself.
class Session : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;

  /// STARTTLS, then the TLS handshake on the same socket, checking the certificate for `host`.
  void startTls(const std::string& host, Poco::Net::Context::Ptr context) {
    std::string response;
    const int status = sendCommand("STARTTLS", response);
    if (!isPositiveCompletion(status)) {
      throw Poco::Net::SMTPException("the server refused STARTTLS", response, status);
    }
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
  }
};

Poco::Net::Context::Ptr tlsContext(const SmtpSettings& s) {
  Poco::Net::Context::Params params;
  // STRICT: the host name is checked even for a loopback address.
  params.verificationMode = s.verifyTls ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE;
  params.caLocation = s.verifyTls ? s.caFile : std::string();
  params.loadDefaultCAs = s.verifyTls && s.caFile.empty();
  params.cipherList = "DEFAULT";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
  // Poco's verify callback reports to the global SSLManager, whose default handlers may accept a
  // bad certificate or prompt on a console; OpenSSL's own chain check is the one wanted.
  SSL_CTX_set_verify(context->sslContext(), s.verifyTls ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
  return context;
}

}  // namespace

Status SmtpNotifier::configure(const Options& options) {
  auto settings = readSmtpSettings(options);
  if (!settings) return settings.status();
  settings_ = std::move(*settings);
  return Status::ok();
}

Status SmtpNotifier::send(NotifierContext& context, const Notification& notification) {
  const std::string server = settings_.host + ":" + std::to_string(settings_.port);
  const Poco::Timespan timeout(std::chrono::duration_cast<std::chrono::microseconds>(context.timeout()).count());
  try {
    auto message = buildMailMessage(settings_, notification);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
    socket.setSendTimeout(timeout);  // a server that stops reading must not hold DATA forever
    Session session(socket);
    session.setTimeout(timeout);
    session.login();
    if (settings_.starttls) {
      session.startTls(settings_.host, tlsContext(settings_));
      session.setTimeout(timeout);
      session.login();  // EHLO again: the server's extensions may differ over TLS
    }
    if (!settings_.username.empty()) {
      session.login(settings_.auth == "plain" ? Session::AUTH_PLAIN : Session::AUTH_LOGIN, settings_.username,
                    settings_.password);
    }
    if (context.cancelled()) return Status::error("SMTP " + server + ": cancelled", "cancelled");
    session.sendMessage(*message);
    session.close();
  } catch (...) {
    return smtpFailure(server);
  }
  context.log().info("e-mail " + notification.id + " accepted by " + server + " for " +
                     std::to_string(settings_.to.size()) + " recipient(s)");
  return Status::ok();
}

}  // namespace hamhub::smtp

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "host/store/store.h"
#include "host/store/store_url.h"
#include "store_test_env.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

using hamhub::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

// A port on 127.0.0.1 that nothing listens on: bound by the kernel's choice, then released.
int closedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    return 1;
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

class StoreUrlTest : public ::testing::Test {};

TEST_F(StoreUrlTest, turnsAPostgresUriIntoLibpqKeywordsAndMasksThePassword) {
  auto loc = parseStoreUrl("postgresql://hub:s3cr%40t@db.example:5433/hamhub?sslmode=require", "/etc/hamhub");
  ASSERT_TRUE(loc.isOk()) << loc.status().message();
  EXPECT_EQ(loc->backend, Backend::Postgres);
  EXPECT_EQ(
      loc->connectString,
      "host=db.example port=5433 dbname=hamhub user=hub password=s3cr@t sslmode=require connect_timeout=10");
  EXPECT_EQ(loc->description, "postgresql://hub:***@db.example:5433/hamhub?sslmode=require");
}

TEST_F(StoreUrlTest, acceptsPostgresSchemeAndIpv6Hosts) {
  auto loc = parseStoreUrl("postgres://hub@[::1]:5432/hamhub?connect_timeout=3", "/");
  ASSERT_TRUE(loc.isOk()) << loc.status().message();
  EXPECT_EQ(loc->connectString, "host=::1 port=5432 dbname=hamhub user=hub connect_timeout=3");
}

TEST_F(StoreUrlTest, passesLibpqKeywordsThroughAndMasksThePassword) {
  auto loc = parseStoreUrl("postgresql:host=127.0.0.1 port=5433  dbname=x user=y password=pw", "/");
  ASSERT_TRUE(loc.isOk()) << loc.status().message();
  EXPECT_EQ(loc->connectString, "host=127.0.0.1 port=5433 dbname=x user=y password=pw connect_timeout=10");
  EXPECT_EQ(loc->description, "postgresql:host=127.0.0.1 port=5433  dbname=x user=y password=***");
}

TEST_F(StoreUrlTest, refusesQuotedKeywordValuesItCannotPassOn) {
  auto loc = parseStoreUrl("postgresql:host=h password='a b'", "/");
  ASSERT_FALSE(loc.isOk());
  EXPECT_THAT(loc.status().message(), Not(HasSubstr("'a")));
}

TEST_F(StoreUrlTest, resolvesARelativeSqlitePathAgainstTheBaseDirectory) {
  auto loc = parseStoreUrl("sqlite:var/../var/hamhub.db", "/etc/hamhub");
  ASSERT_TRUE(loc.isOk()) << loc.status().message();
  EXPECT_EQ(loc->backend, Backend::Sqlite);
  EXPECT_EQ(loc->sqlitePath, "/etc/hamhub/var/hamhub.db");
  EXPECT_EQ(loc->description, "sqlite:/etc/hamhub/var/hamhub.db");
  auto absolute = parseStoreUrl("sqlite:/srv/hub.db", "/etc/hamhub");
  ASSERT_TRUE(absolute.isOk());
  EXPECT_EQ(absolute->sqlitePath, "/srv/hub.db");
}

TEST_F(StoreUrlTest, explainsBothAcceptedFormsForAnythingElse) {
  auto loc = parseStoreUrl("mysql://root:hunter2@db/hamhub", "/");
  ASSERT_FALSE(loc.isOk());
  EXPECT_EQ(loc.status().reason(), "invalid-config");
  EXPECT_THAT(loc.status().message(), HasSubstr("sqlite:PATH"));
  EXPECT_THAT(loc.status().message(), HasSubstr("postgresql://user:password@host:port/dbname"));
  EXPECT_THAT(loc.status().message(), HasSubstr("mysql://root:***@db/hamhub"));
  EXPECT_THAT(loc.status().message(), Not(HasSubstr("hunter2")));
  EXPECT_FALSE(parseStoreUrl("sqlite:", "/").isOk());
  EXPECT_FALSE(parseStoreUrl("", "/").isOk());
}

TEST_F(StoreUrlTest, masksPasswordsInEveryForm) {
  EXPECT_EQ(maskStoreUrl("postgresql://u:p@h/db"), "postgresql://u:***@h/db");
  EXPECT_EQ(maskStoreUrl("postgresql://u@h:5432/db"), "postgresql://u@h:5432/db");
  EXPECT_EQ(maskStoreUrl("postgresql://h/db?user=u&password=p&sslmode=disable"),
            "postgresql://h/db?user=u&password=***&sslmode=disable");
  EXPECT_EQ(maskStoreUrl("postgresql:password=p host=h"), "postgresql:password=*** host=h");
}

class StoreOpenTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(StoreOpenTest, saysWhichPostgresCouldNotBeReachedWithoutShowingThePassword) {
  const std::string url = "postgresql://hub:topsecret@127.0.0.1:" + std::to_string(closedPort()) + "/hamhub";
  auto store = Store::open(url, dir_.path());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().reason(), "store");
  EXPECT_THAT(store.status().message(), HasSubstr("postgresql://hub:***@127.0.0.1:"));
  EXPECT_THAT(store.status().message(), HasSubstr("connect failed"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("topsecret")));
}

TEST_F(StoreOpenTest, saysWhenTheSqliteDirectoryCannotBeCreated) {
  std::ofstream(dir_.path() / "not-a-dir") << "x";
  auto store = Store::open("sqlite:not-a-dir/var/hamhub.db", dir_.path());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().reason(), "store");
  EXPECT_THAT(store.status().message(), HasSubstr("cannot create directory"));
  EXPECT_THAT(store.status().message(), HasSubstr("not-a-dir/var"));
}

// The writer's own auto-checkpoint is replaced by a checkpoint thread: what the harvests commit
// must reach the database file while the store is open, not only when it closes.
TEST_F(StoreOpenTest, checkpointsTheWalIntoTheDatabaseFileWhileOpen) {
  auto store = Store::open("sqlite:hamhub.db", dir_.path());
  ASSERT_TRUE(store.isOk()) << store.status().message();
  auto run = (*store)->beginRun("big");
  ASSERT_TRUE(run.isOk());
  const std::string payload(16 * 1024, 'x');
  for (int b = 0; b < 40; ++b) {  // 40 commits of 1 MiB: some 2,600 WAL pages of 16 KiB in all
    Batch batch;
    batch.source = "big";
    batch.runId = *run;
    batch.fetchedAt = std::chrono::system_clock::now();
    for (int k = 0; k < 64; ++k) {
      StoredRecordWrite w;
      w.record.kind = "k";
      w.record.key = std::to_string(b) + "-" + std::to_string(k);
      w.record.payload = payload;
      w.contentHash = "h";
      w.isNew = true;
      batch.writes.push_back(std::move(w));
    }
    ASSERT_TRUE((*store)->commitBatch(batch).isOk());
  }
  const auto file = dir_.path() / "hamhub.db";
  for (int i = 0; i < 100 && std::filesystem::file_size(file) < 20u * 1024 * 1024; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_GE(std::filesystem::file_size(file), 20u * 1024 * 1024) << "the WAL was not checkpointed";
}

TEST_F(StoreOpenTest, createsAMissingSqliteDirectory) {
  auto store = Store::open("sqlite:a/b/c/hamhub.db", dir_.path());
  ASSERT_TRUE(store.isOk()) << store.status().message();
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "a/b/c/hamhub.db"));
  EXPECT_EQ((*store)->describe(), "sqlite:" + (dir_.path() / "a/b/c/hamhub.db").string());
}

TEST_F(StoreOpenTest, saysWhenTheSqliteDirectoryIsReadOnly) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories; run as a user to cover this";
  const auto ro = dir_.path() / "ro";
  std::filesystem::create_directory(ro);
  std::filesystem::permissions(ro, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  auto store = Store::open("sqlite:ro/hamhub.db", dir_.path());
  ASSERT_FALSE(store.isOk());
  EXPECT_THAT(store.status().message(), HasSubstr("is not writable"));
}

}  // namespace
}  // namespace hamhub::host

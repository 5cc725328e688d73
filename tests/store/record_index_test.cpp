#include "host/store/record_index.h"

#include <gtest/gtest.h>

#include <string>

namespace hamhub::host {
namespace {

class RecordIndexTest : public ::testing::Test {};

Digest128 content(std::uint64_t n) { return Digest128{n, ~n}; }

TEST_F(RecordIndexTest, findsWhatItHoldsAndNothingElse) {
  RecordIndex index;
  EXPECT_EQ(index.find("jdih.document", "1"), nullptr);  // empty: no buckets yet
  index.insert(recordKeyDigest("jdih.document", "1"), content(1), 0);
  index.insert(recordKeyDigest("jdih.status", "1"), content(2), RecordIndex::kWithdrawn);
  ASSERT_NE(index.find("jdih.document", "1"), nullptr);
  EXPECT_EQ(index.find("jdih.document", "1")->content, content(1));
  EXPECT_TRUE(index.find("jdih.status", "1")->withdrawn());
  EXPECT_FALSE(index.find("jdih.status", "1")->seen());
  EXPECT_EQ(index.find("jdih.document", "2"), nullptr);
  EXPECT_EQ(index.size(), 2u);
}

TEST_F(RecordIndexTest, insertingAKnownKeyReplacesItsContentAndFlags) {
  RecordIndex index;
  const Digest128 key = recordKeyDigest("k", "1");
  index.insert(key, content(1), RecordIndex::kWithdrawn);
  index.insert(key, content(2), RecordIndex::kSeen);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.find(key)->content, content(2));
  EXPECT_FALSE(index.find(key)->withdrawn());
  EXPECT_TRUE(index.find(key)->seen());
}

// Keys are chained per bucket by the low 64 bits of their digest: digests that share them (and
// so a bucket at every table size) stay distinct records.
TEST_F(RecordIndexTest, keepsDigestsThatShareABucketApart) {
  RecordIndex index;
  for (std::uint64_t hi = 1; hi <= 50; ++hi) index.insert(Digest128{hi, 42}, content(hi), 0);
  for (std::uint64_t hi = 1; hi <= 50; ++hi) {
    const RecordIndex::Entry* e = index.find(Digest128{hi, 42});
    ASSERT_NE(e, nullptr) << hi;
    EXPECT_EQ(e->content, content(hi));
  }
  EXPECT_EQ(index.find(Digest128{51, 42}), nullptr);
  EXPECT_EQ(index.find(Digest128{1, 43}), nullptr);
}

// Past several block and bucket growths, every entry is still found with its own flags.
TEST_F(RecordIndexTest, growsWithoutLosingEntries) {
  RecordIndex index;
  constexpr int kKeys = 100'000;
  for (int i = 0; i < kKeys; ++i) {
    index.insert(recordKeyDigest("kkpham.value", std::to_string(i)), content(static_cast<std::uint64_t>(i)),
                 i % 3 == 0 ? RecordIndex::kWithdrawn : 0);
  }
  ASSERT_EQ(index.size(), static_cast<std::size_t>(kKeys));
  for (int i = 0; i < kKeys; ++i) {
    const RecordIndex::Entry* e = index.find("kkpham.value", std::to_string(i));
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->content, content(static_cast<std::uint64_t>(i)));
    EXPECT_EQ(e->withdrawn(), i % 3 == 0);
  }
  EXPECT_EQ(index.find("kkpham.value", std::to_string(kKeys)), nullptr);
}

TEST_F(RecordIndexTest, keyDigestsSeparateKindFromKey) {
  EXPECT_NE(recordKeyDigest("ab", "c"), recordKeyDigest("a", "bc"));
  EXPECT_NE(recordKeyDigest("a", "b"), recordKeyDigest("b", "a"));
  EXPECT_EQ(recordKeyDigest("a", "b"), recordKeyDigest(std::string("a"), std::string("b")));
}

TEST_F(RecordIndexTest, aStoredSha256HashDigestsToItsOwnFirstHalf) {
  const std::string hex = "0123456789abcdef" "fedcba9876543210" "00000000000000000000000000000000";
  EXPECT_EQ(contentHashDigest(hex), (Digest128{0x0123456789abcdefULL, 0xfedcba9876543210ULL}));
  // Any other text (older or hand-written rows) still gets a digest of its own.
  EXPECT_NE(contentHashDigest("h1"), contentHashDigest("h2"));
  EXPECT_EQ(contentHashDigest(toHex(sha256Parts({"x"}))), truncate(sha256Parts({"x"})));
}

}  // namespace
}  // namespace hamhub::host

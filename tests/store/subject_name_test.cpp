#include "host/store/subject_name.h"

#include <gtest/gtest.h>

namespace hamhub::host {
namespace {

class SubjectNameTest : public ::testing::Test {};

TEST_F(SubjectNameTest, joinsSpellingVariantsWrittenWithAndWithoutSpaces) {
  EXPECT_EQ(normalizeSubjectName("Pagar Alam"), normalizeSubjectName("Pagaralam"));
  EXPECT_EQ(normalizeSubjectName("Lubuk Linggau"), normalizeSubjectName("LUBUKLINGGAU"));
  EXPECT_EQ(normalizeSubjectName("Musi Rawas"), "musirawas");
}

TEST_F(SubjectNameTest, treatsPunctuationAsSpaceAndCollapsesIt) {
  EXPECT_EQ(normalizeSubjectName("  Ogan  Komering-Ulu (OKU) "), "ogankomeringuluoku");
  EXPECT_EQ(normalizeSubjectName("Penukal Abab Lematang Ilir/PALI"), "penukalabablematangilirpali");
}

TEST_F(SubjectNameTest, dropsALeadingKabupatenButKeepsKota) {
  EXPECT_EQ(normalizeSubjectName("Kabupaten Musi Rawas"), "musirawas");
  EXPECT_EQ(normalizeSubjectName("Kab. Musi Rawas"), "musirawas");
  EXPECT_EQ(normalizeSubjectName("kab musi rawas"), "musirawas");
  EXPECT_EQ(normalizeSubjectName("Kota Pagar Alam"), "kotapagaralam");
  EXPECT_NE(normalizeSubjectName("Kota Pagar Alam"), normalizeSubjectName("Pagar Alam"));
  EXPECT_EQ(normalizeSubjectName("Kabanjahe"), "kabanjahe");  // only the word "kab", not a prefix of one
}

TEST_F(SubjectNameTest, keepsBytesOutsideAsciiAndYieldsEmptyForPunctuationOnly) {
  EXPECT_EQ(normalizeSubjectName("Dinas Sosial \xC3\x89"), "dinassosial\xC3\x89");
  EXPECT_EQ(normalizeSubjectName(" -/. "), "");
}

}  // namespace
}  // namespace hamhub::host

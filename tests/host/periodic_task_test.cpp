#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "host/schedule/periodic_task.h"

namespace hamhub::host {
namespace {

bool waitFor(const std::atomic<int>& runs, int atLeast) {
  for (int i = 0; i < 500 && runs < atLeast; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return runs >= atLeast;
}

TEST(PeriodicTask, runsAtStartThenWhenPokedAndStopsCleanly) {
  std::atomic<int> runs{0};
  PeriodicTask task(std::chrono::hours(1), std::chrono::seconds(0), [&] { ++runs; });
  task.start();
  ASSERT_TRUE(waitFor(runs, 1)) << "the first run comes at start";
  task.poke();
  ASSERT_TRUE(waitFor(runs, 2)) << "a poke brings the next run forward";
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(runs, 2) << "no run without a poke or the interval";
  task.stop();
  task.stop();  // twice is harmless
}

TEST(PeriodicTask, canWaitForTheFirstPoke) {
  std::atomic<int> runs{0};
  PeriodicTask task(std::chrono::hours(1), std::chrono::seconds(0), [&] { ++runs; });
  task.start(false);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(runs, 0);
  task.poke();
  EXPECT_TRUE(waitFor(runs, 1));
}

TEST(PeriodicTask, aBurstOfPokesWithinTheSettleTimeMakesOneRun) {
  std::atomic<int> runs{0};
  PeriodicTask task(std::chrono::hours(1), std::chrono::seconds(1), [&] { ++runs; });
  task.start();
  ASSERT_TRUE(waitFor(runs, 1));
  for (int i = 0; i < 5; ++i) task.poke();
  ASSERT_TRUE(waitFor(runs, 2));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(runs, 2);
}

}  // namespace
}  // namespace hamhub::host

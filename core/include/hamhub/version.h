#pragma once

/// @file version.h
/// @brief The SDK's API version and the build ABI tag that a plugin must share with the host.
///
/// The host refuses a plugin whose API major differs from its own, whose required API minor is newer
/// than the host's, or whose ABI tag differs (plugins pass C++ objects such as std::string across
/// the boundary, so compiler family, standard library ABI and architecture must match).

#define HAMHUB_API_MAJOR 1
#define HAMHUB_API_MINOR 5  // 1.1: Context::resolveSubject; 1.2: scorer plugins (scorer.h, criteria.h); 1.3: OptionType::Array;
                            // 1.4: notifier plugins (notifier.h); 1.5: utf8.h, JsonPushParser::repairedStrings

#define HAMHUB_STRINGIFY_IMPL(x) #x
#define HAMHUB_STRINGIFY(x) HAMHUB_STRINGIFY_IMPL(x)

#if defined(__clang__)
#define HAMHUB_ABI_COMPILER "clang" HAMHUB_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define HAMHUB_ABI_COMPILER "gcc" HAMHUB_STRINGIFY(__GNUC__)
#else
#define HAMHUB_ABI_COMPILER "cc"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define HAMHUB_ABI_STDLIB "-libstdcxx11"
#elif defined(__GLIBCXX__)
#define HAMHUB_ABI_STDLIB "-libstdcxx98"
#elif defined(_LIBCPP_VERSION)
#define HAMHUB_ABI_STDLIB "-libcxx"
#else
#define HAMHUB_ABI_STDLIB "-stdlib"
#endif

#if defined(_GLIBCXX_DEBUG)
#define HAMHUB_ABI_DEBUG "-debugstl"
#else
#define HAMHUB_ABI_DEBUG ""
#endif

#if defined(__x86_64__)
#define HAMHUB_ABI_ARCH "-x86_64"
#elif defined(__aarch64__)
#define HAMHUB_ABI_ARCH "-aarch64"
#else
#define HAMHUB_ABI_ARCH "-other"
#endif

/// @brief The ABI tag of the translation unit that expands it; compared as a string by the host.
#define HAMHUB_ABI_TAG HAMHUB_ABI_COMPILER HAMHUB_ABI_STDLIB HAMHUB_ABI_DEBUG HAMHUB_ABI_ARCH

namespace hamhub {

/// @brief The API version and ABI tag of the host (the SDK library) at run time.
struct SdkVersion {
  int major;
  int minor;
  const char* abiTag;
};

/// @brief The version of the SDK library this process loaded.
SdkVersion sdkVersion();

}  // namespace hamhub

// A shared library that is not a hamhub plugin: it exports no manifest.
extern "C" int hamhubTestNotAPlugin() { return 42; }

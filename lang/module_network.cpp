// The simulated network under requests and aiohttp (lang/lib/requests.py, aiohttp.py,
// _interleave_http.py): the scenario's latency, a blocking wait for a response, and a log of
// connections per host (how many requests were in flight against one server at once).
//
// A request is one round trip of the machine's `latency` setting (PRODUCT.md §2: 200 ms by
// default), connection set-up included. requests waits for it blocking (the GIL released, like
// a socket read); aiohttp arms a timer on the event loop, so the loop sits idle in select until
// the response arrives. The fake server's answers are computed in _interleave_http.py.
#include <algorithm>
#include <map>
#include <vector>

#include "modules.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

namespace {

// Every connection any process opened in this run: [start, end) per host.
struct NetworkLog {
  std::map<std::string, std::vector<std::pair<Nanos, Nanos>>> connections;

  int64_t peak(const std::string& host) const {
    auto it = connections.find(host);
    if (it == connections.end()) return 0;
    std::vector<std::pair<Nanos, int>> edges;
    for (const auto& [s, e] : it->second) {
      edges.emplace_back(s, 1);
      edges.emplace_back(e, -1);
    }
    std::sort(edges.begin(), edges.end());  // an end sorts before a start at the same time
    int64_t now = 0, best = 0;
    for (const auto& [t, d] : edges) best = std::max(best, now += d);
    return best;
  }
};

NetworkLog& networkLog(Vm& vm) {
  std::shared_ptr<void>& slot = vm.simulation->attachment("network");
  if (!slot) slot = std::make_shared<NetworkLog>();
  return *static_cast<NetworkLog*>(slot.get());
}

bool strArg(Vm& vm, NativeCall& c, size_t i, std::string* out) {
  if (i >= c.argc() || !c.args[i].isObj() || c.args[i].asObj()->kind != ObjKind::Str) {
    vm.raise(*c.thread, vm.types.TypeError, "expected a str");
    return false;
  }
  *out = static_cast<StrObj*>(c.args[i].asObj())->s;
  return true;
}

bool secondsArg(Vm& vm, NativeCall& c, size_t i, Nanos* out) {
  double s;
  if (i >= c.argc() || !toDouble(c.args[i], &s) || !(s >= 0)) {
    vm.raise(*c.thread, vm.types.ValueError, "expected a non-negative number of seconds");
    return false;
  }
  *out = static_cast<Nanos>(s * 1e9 + 0.5);
  return true;
}

// _latency(): the scenario's network latency in seconds.
NativeResult net_latency(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::flt(static_cast<double>(vm.simulation->config().networkLatency) / 1e9));
}

// _connect(host, seconds): logs a connection to `host` from now for `seconds`.
NativeResult net_connect(Vm& vm, NativeCall& c) {
  std::string host;
  Nanos d;
  if (!strArg(vm, c, 0, &host) || !secondsArg(vm, c, 1, &d)) return NativeResult::raise();
  Nanos now = vm.clock();
  networkLog(vm).connections[host].emplace_back(now, now + d);
  return NativeResult::ret(Value::none());
}

// _peak(host): the most connections to `host` open at once so far.
NativeResult net_peak(Vm& vm, NativeCall& c) {
  std::string host;
  if (!strArg(vm, c, 0, &host)) return NativeResult::raise();
  return NativeResult::ret(Value::integer(networkLog(vm).peak(host)));
}

NativeResult waited(Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); }

// _wait(seconds, label): a blocking network wait (GIL released), labelled e.g. "GET https://...".
NativeResult net_wait(Vm& vm, NativeCall& c) {
  Nanos d;
  std::string label;
  if (!secondsArg(vm, c, 0, &d) || !strArg(vm, c, 1, &label)) return NativeResult::raise();
  Request r;
  r.kind = RequestKind::Sleep;
  r.duration = d;
  r.text = label;
  r.device = true;
  return NativeResult::engine(std::move(r), waited);
}

}  // namespace

void installNetworkNatives(Vm& vm) {
  ModuleObj* m = vm.newModule("_interleave_net");
  const std::pair<const char*, NativeFn> fns[] = {
      {"_latency", net_latency}, {"_connect", net_connect}, {"_peak", net_peak}, {"_wait", net_wait}};
  for (const auto& [name, fn] : fns) vm.defineNative(m->dict, name, fn, "_interleave_net");
}

void finishNetworkModules(Vm& vm) {
  // requests.exceptions: the exception classes requests.py defines.
  ModuleObj* requests = vm.image->modules.at("requests");
  ModuleObj* exceptions = vm.newModule("requests.exceptions");
  for (const char* name : {"RequestException", "InvalidJSONError", "JSONDecodeError", "HTTPError", "ConnectionError",
                           "ProxyError", "SSLError", "Timeout", "ConnectTimeout", "ReadTimeout", "URLRequired",
                           "TooManyRedirects", "MissingSchema", "InvalidSchema", "InvalidURL", "InvalidHeader"}) {
    vm.dictSetStr(exceptions->dict, name, vm.dictGetStr(requests->dict, name));
  }
  vm.dictSetStr(requests->dict, "exceptions", Value::object(exceptions));
}

}  // namespace interleave::lang

// The simulated machine's disk: an in-memory file system shared by every process of a run,
// and the natives of `_interleave_fs` that open()/os use (lang/lib/io.py, lang/lib/_interleave_os.py).
//
// Model (docs/python.md, "Files"): paths are resolved against the working directory
// /home/interleave; a file is its bytes (UTF-8 text). Every system call that reaches the disk —
// open, a read of up to one buffer, a write of a buffer, unlink, mkdir, rename — is a blocking
// I/O wait of the machine's `disk_latency` (the GIL is released meanwhile, as CPython's _io does
// around read(2)/write(2)). Metadata look-ups (stat: os.path.exists, isfile, getsize, listdir)
// come from the cache and cost nothing. An operation takes effect when the call starts.
//
// [SECTION] File system
// [SECTION] Natives
// [SECTION] Installation
#include <algorithm>
#include <map>
#include <set>

#include "modules.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

//-----------------------------------------------------------------------------------------------
// [SECTION] File system
//-----------------------------------------------------------------------------------------------
namespace {

// errno values of Linux (asm-generic/errno-base.h), as CPython reports them.
constexpr int64_t kENOENT = 2;
constexpr int64_t kEEXIST = 17;
constexpr int64_t kENOTDIR = 20;
constexpr int64_t kEISDIR = 21;
constexpr int64_t kENOTEMPTY = 39;

const char* const kCwd = "/home/interleave";

struct FileSystem {
  std::map<std::string, std::string> files;  // absolute path -> content (bytes)
  std::set<std::string> dirs{"/", "/home", "/home/interleave", "/tmp"};

  static std::string parent(const std::string& p) {
    size_t slash = p.rfind('/');
    return slash == 0 ? "/" : p.substr(0, slash);
  }
  // Resolves `path` against the working directory; "." and ".." and repeated slashes removed.
  static std::string absolute(const std::string& path) {
    if (path.empty()) return "";  // names nothing: open('') is ENOENT, exists('') False
    std::string full = !path.empty() && path[0] == '/' ? path : std::string(kCwd) + "/" + path;
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= full.size()) {
      size_t j = full.find('/', i);
      if (j == std::string::npos) j = full.size();
      std::string part = full.substr(i, j - i);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      i = j + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += "/" + p;
    return out.empty() ? "/" : out;
  }
  // errno of reaching `abs`'s parent directory (0: it exists).
  int64_t parentError(const std::string& abs) const {
    // The nearest ancestor that exists: a file on the way is ENOTDIR, a missing directory ENOENT.
    if (abs.empty()) return kENOENT;
    std::string p = parent(abs);
    bool immediate = true;
    while (!dirs.count(p) && !files.count(p)) {
      p = parent(p);
      immediate = false;
    }
    if (files.count(p)) return kENOTDIR;
    return immediate ? 0 : kENOENT;
  }
  bool isDir(const std::string& abs) const { return dirs.count(abs) > 0; }
  bool isFile(const std::string& abs) const { return files.count(abs) > 0; }
};

FileSystem& fileSystem(Vm& vm) {
  std::shared_ptr<void>& slot = vm.simulation->attachment("files");
  if (!slot) slot = std::make_shared<FileSystem>();
  return *static_cast<FileSystem*>(slot.get());
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Natives
//-----------------------------------------------------------------------------------------------
bool pathArg(Vm& vm, NativeCall& c, size_t i, std::string* out) {
  if (i >= c.argc() || !c.args[i].isObj() || c.args[i].asObj()->kind != ObjKind::Str) {
    vm.raise(*c.thread, vm.types.TypeError,
             "expected str, bytes or os.PathLike object, not " + (i < c.argc() ? vm.typeName(c.args[i]) : std::string("nothing")));
    return false;
  }
  *out = static_cast<StrObj*>(c.args[i].asObj())->s;
  return true;
}

NativeResult deliver(Vm&, PyThread&, int64_t, bool, Value data) { return NativeResult::ret(data); }

// A disk access of the machine's disk latency (GIL released), then `result` is returned.
NativeResult diskWait(Vm& vm, const std::string& label, Value result) {
  Request r;
  r.kind = RequestKind::Sleep;
  r.duration = vm.simulation->config().diskLatency;
  r.device = true;
  r.text = label;
  return NativeResult::engine(std::move(r), deliver, result);
}

// Keeps [0, n) of `s` on a UTF-8 character boundary (a read of n bytes ends inside a character:
// the decoder keeps the partial character for the next read).
size_t charBoundary(const std::string& s, size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

// _exists(path), _isfile(path), _isdir(path): stat, no cost.
NativeResult fs_exists(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  return NativeResult::ret(Value::boolean(fs.isFile(a) || fs.isDir(a)));
}
NativeResult fs_isfile(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(fileSystem(vm).isFile(FileSystem::absolute(p))));
}
NativeResult fs_isdir(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(fileSystem(vm).isDir(FileSystem::absolute(p))));
}

// _size(path): the file's size in bytes, -errno if it is not a file. No cost (fstat).
NativeResult fs_size(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  auto it = fs.files.find(a);
  if (it != fs.files.end()) return NativeResult::ret(Value::integer(static_cast<int64_t>(it->second.size())));
  if (fs.isDir(a)) return NativeResult::ret(Value::integer(4096));
  return NativeResult::ret(Value::integer(-kENOENT));
}

// _open(path, kind): kind 'r' (must exist), 'w' (create, truncate), 'a' (create), 'x' (create,
// must not exist). Returns 0 or an errno, after one disk access.
NativeResult fs_open(Vm& vm, NativeCall& c) {
  std::string p, kind;
  if (!pathArg(vm, c, 0, &p) || !pathArg(vm, c, 1, &kind)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  int64_t err = 0;
  if (fs.isDir(a)) {
    err = kind == "x" ? kEEXIST : kEISDIR;
  } else if (fs.isFile(a)) {
    if (kind == "x") err = kEEXIST;
    else if (kind == "w") fs.files[a].clear();
  } else if (kind == "r") {
    err = fs.parentError(a) ? fs.parentError(a) : kENOENT;
  } else {
    err = fs.parentError(a);
    if (!err) fs.files[a];
  }
  return diskWait(vm, "open " + p, Value::integer(err));
}

// _read(path, offset, size): (text, bytes consumed) of the bytes [offset, offset+size) (size -1:
// to the end), after one disk access. The text stops at a character boundary.
NativeResult fs_read(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  int64_t offset = c.args[1].asInt(), size = c.args[2].asInt();
  FileSystem& fs = fileSystem(vm);
  auto it = fs.files.find(FileSystem::absolute(p));
  std::string text;
  if (it != fs.files.end() && offset < static_cast<int64_t>(it->second.size())) {
    const std::string& data = it->second;
    size_t from = static_cast<size_t>(offset);
    size_t to = size < 0 ? data.size() : std::min(data.size(), from + static_cast<size_t>(size));
    if (to < data.size()) {
      size_t cut = charBoundary(data, to);
      // A character longer than the request: take it whole.
      if (cut <= from) {
        cut = to;
        while (cut < data.size() && (static_cast<unsigned char>(data[cut]) & 0xC0) == 0x80) ++cut;
      }
      to = cut;
    }
    text = data.substr(from, to - from);
  }
  int64_t n = static_cast<int64_t>(text.size());
  return diskWait(vm, "read " + p, vm.tuple({vm.str(text), Value::integer(n)}));
}

// _write(path, offset, text): writes at offset (-1: append); returns the file's new size,
// after one disk access.
NativeResult fs_write(Vm& vm, NativeCall& c) {
  std::string p, text;
  if (!pathArg(vm, c, 0, &p) || !pathArg(vm, c, 2, &text)) return NativeResult::raise();
  int64_t offset = c.args[1].asInt();
  FileSystem& fs = fileSystem(vm);
  std::string& data = fs.files[FileSystem::absolute(p)];
  if (offset < 0) {
    data += text;
  } else {
    auto off = static_cast<size_t>(offset);
    if (data.size() < off) data.resize(off, '\0');
    data.replace(off, std::min(text.size(), data.size() - off), text);
  }
  return diskWait(vm, "write " + p, Value::integer(static_cast<int64_t>(data.size())));
}

// _truncate(path, size): no disk access of its own (it is part of the next write or close).
NativeResult fs_truncate(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  auto it = fs.files.find(FileSystem::absolute(p));
  if (it != fs.files.end()) it->second.resize(static_cast<size_t>(std::max<int64_t>(0, c.args[1].asInt())), '\0');
  return NativeResult::ret(Value::none());
}

// _remove(path): unlink; 0 or an errno, after one disk access.
NativeResult fs_remove(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  int64_t err = 0;
  if (fs.isDir(a)) err = kEISDIR;
  else if (!fs.files.erase(a)) err = fs.parentError(a) == kENOTDIR ? kENOTDIR : kENOENT;
  return diskWait(vm, "unlink " + p, Value::integer(err));
}

// _mkdir(path): 0 or an errno, after one disk access.
NativeResult fs_mkdir(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  int64_t err = 0;
  if (fs.isDir(a) || fs.isFile(a)) err = kEEXIST;
  else if ((err = fs.parentError(a)) == 0) fs.dirs.insert(a);
  return diskWait(vm, "mkdir " + p, Value::integer(err));
}

// _rmdir(path): 0 or an errno, after one disk access.
NativeResult fs_rmdir(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  int64_t err = 0;
  if (fs.isFile(a)) {
    err = kENOTDIR;
  } else if (!fs.isDir(a)) {
    err = kENOENT;
  } else {
    std::string prefix = a == "/" ? "/" : a + "/";
    auto f = fs.files.lower_bound(prefix);
    auto d = fs.dirs.lower_bound(prefix);
    bool empty = (f == fs.files.end() || f->first.compare(0, prefix.size(), prefix) != 0) &&
                 (d == fs.dirs.end() || d->compare(0, prefix.size(), prefix) != 0);
    if (!empty) err = kENOTEMPTY;
    else fs.dirs.erase(a);
  }
  return diskWait(vm, "rmdir " + p, Value::integer(err));
}

// _rename(src, dst): files only; 0 or an errno, after one disk access.
NativeResult fs_rename(Vm& vm, NativeCall& c) {
  std::string p, q;
  if (!pathArg(vm, c, 0, &p) || !pathArg(vm, c, 1, &q)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p), b = FileSystem::absolute(q);
  int64_t err = 0;
  auto it = fs.files.find(a);
  if (it == fs.files.end()) err = fs.isDir(a) ? kEISDIR : kENOENT;
  else if (fs.isDir(b)) err = kEISDIR;
  else if ((err = fs.parentError(b)) == 0 && a != b) {
    fs.files[b] = std::move(it->second);
    fs.files.erase(a);
  }
  return diskWait(vm, "rename " + p, Value::integer(err));
}

// _listdir(path): sorted names, or an errno (int). No cost (the directory is cached).
NativeResult fs_listdir(Vm& vm, NativeCall& c) {
  std::string p;
  if (!pathArg(vm, c, 0, &p)) return NativeResult::raise();
  FileSystem& fs = fileSystem(vm);
  std::string a = FileSystem::absolute(p);
  if (fs.isFile(a)) return NativeResult::ret(Value::integer(kENOTDIR));
  if (!fs.isDir(a)) return NativeResult::ret(Value::integer(kENOENT));
  std::string prefix = a == "/" ? "/" : a + "/";
  std::set<std::string> names;
  auto child = [&](const std::string& path) {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = path.substr(prefix.size());
    if (rest.find('/') == std::string::npos) names.insert(rest);
  };
  for (const auto& [path, data] : fs.files) child(path);
  for (const std::string& d : fs.dirs) child(d);
  std::vector<Value> items;
  for (const std::string& n : names) items.push_back(vm.str(n));
  return NativeResult::ret(vm.list(std::move(items)));
}

// _utf8len(text): its length in bytes (a text file's position is a byte offset).
NativeResult fs_utf8len(Vm& vm, NativeCall& c) {
  std::string s;
  if (!pathArg(vm, c, 0, &s)) return NativeResult::raise();
  return NativeResult::ret(Value::integer(static_cast<int64_t>(s.size())));
}

NativeResult fs_getcwd(Vm& vm, NativeCall& c) { return NativeResult::ret(vm.str(kCwd)); }

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
void installFileNatives(Vm& vm) {
  ModuleObj* m = vm.newModule("_interleave_fs");
  const std::pair<const char*, NativeFn> fns[] = {
      {"_exists", fs_exists}, {"_isfile", fs_isfile}, {"_isdir", fs_isdir}, {"_size", fs_size},
      {"_open", fs_open}, {"_read", fs_read}, {"_write", fs_write}, {"_truncate", fs_truncate},
      {"_remove", fs_remove}, {"_mkdir", fs_mkdir}, {"_rmdir", fs_rmdir}, {"_rename", fs_rename},
      {"_listdir", fs_listdir}, {"_utf8len", fs_utf8len}, {"_getcwd", fs_getcwd}};
  for (const auto& [name, fn] : fns) vm.defineNative(m->dict, name, fn, "_interleave_fs");
}

void finishFileModules(Vm& vm) {
  ModuleObj* io = vm.image->modules.at("io");
  vm.dictSetStr(vm.builtins, "open", vm.dictGetStr(io->dict, "open"));
  vm.dictSetStr(vm.builtins, "_print_to", vm.dictGetStr(io->dict, "_print_to"));
  ModuleObj* impl = vm.image->modules.at("_interleave_os");
  ModuleObj* os = vm.image->modules.at("os");
  for (const char* name : {"remove", "unlink", "rename", "replace", "mkdir", "makedirs", "rmdir", "listdir", "getcwd"}) {
    vm.dictSetStr(os->dict, name, vm.dictGetStr(impl->dict, name));
  }
  vm.dictSetStr(vm.types.OSError->dict, "__init__", vm.dictGetStr(impl->dict, "_oserror_init"));
  vm.dictSetStr(vm.types.OSError->dict, "__str__", vm.dictGetStr(impl->dict, "_oserror_str"));
  for (const char* alias : {"IOError", "EnvironmentError"}) {
    if (vm.dictGetStr(vm.builtins, alias).isUndefined()) vm.dictSetStr(vm.builtins, alias, Value::object(vm.types.OSError));
  }
}

}  // namespace interleave::lang

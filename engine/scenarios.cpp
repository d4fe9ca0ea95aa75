// Built-in scenarios, each the step-program twin of a small Python program (shown in the
// comment). They feed the CLI, the page's demo and the determinism tests.
#include "scenarios.h"

#include "program.h"

namespace interleave {

namespace {

Program ioLoop(int times, Nanos each) { return Program().repeat(times, Program().io(each, "time.sleep")); }

// t = Thread(target=io_loop); c = Thread(target=cpu, args=(1.0,)); start both; join both
void buildConvoy(Simulation& sim) {
  Program main;
  main.spawn(0, "io", ioLoop(50, 1 * kMillisecond).print("io loop done"))
      .spawn(1, "cpu", Program().cpu(1 * kSecond).print("cpu done"))
      .join(0)
      .join(1);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// The same with sys.setswitchinterval(0.001) first.
void buildConvoyShortInterval(Simulation& sim) {
  Program main;
  main.setSwitchInterval(1 * kMillisecond)
      .spawn(0, "io", ioLoop(50, 1 * kMillisecond).print("io loop done"))
      .spawn(1, "cpu", Program().cpu(1 * kSecond).print("cpu done"))
      .join(0)
      .join(1);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// for _ in range(50): time.sleep(0.001)   -- alone
void buildIoAlone(Simulation& sim) {
  Program main;
  main.spawn(0, "io", ioLoop(50, 1 * kMillisecond)).join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Two CPU-bound threads: they take turns holding the GIL every switch interval.
void buildCpuThreads(Simulation& sim) {
  Program main;
  main.spawn(0, "cpu-1", Program().cpu(100 * kMillisecond))
      .spawn(1, "cpu-2", Program().cpu(100 * kMillisecond))
      .join(0)
      .join(1);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Four CPU-bound threads (run with gil=off to see the free-threaded build use every core).
void buildFourCpuThreads(Simulation& sim) {
  Program main;
  for (int i = 0; i < 4; ++i) main.spawn(i, "cpu-" + std::to_string(i + 1), Program().cpu(100 * kMillisecond));
  for (int i = 0; i < 4; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Four processes, each CPU-bound for 100 ms: each has its own GIL.
void buildProcesses(Simulation& sim) {
  Program main;
  for (int i = 0; i < 4; ++i) main.spawnProcess(i, "Process-" + std::to_string(i + 1), Program().cpu(100 * kMillisecond));
  for (int i = 0; i < 4; ++i) main.joinProcess(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Six threads doing native work (GIL released) on fewer cores: the OS time-slices them.
void buildTimeSlicing(Simulation& sim) {
  Program main;
  for (int i = 0; i < 6; ++i) main.spawn(i, "native-" + std::to_string(i + 1), Program().native(30 * kMillisecond));
  for (int i = 0; i < 6; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Three threads increment a counter under one Lock: FIFO hand-off on release.
void buildLockHandoff(Simulation& sim) {
  int32_t lock = sim.createLock();
  Program main;
  for (int i = 0; i < 3; ++i) {
    Program worker;
    worker.repeat(3, Program().acquire(lock).cpu(2 * kMillisecond).io(1 * kMillisecond, "sleep under lock").release(lock));
    main.spawn(i, "worker-" + std::to_string(i + 1), std::move(worker));
  }
  for (int i = 0; i < 3; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// A producer puts 10 items with I/O between them; two consumers process them (CPU).
void buildProducerConsumer(Simulation& sim) {
  int32_t q = sim.createQueue(0);
  Program producer;
  for (int i = 0; i < 10; ++i) producer.io(2 * kMillisecond, "fetch").put(q, i);
  producer.put(q, -1).put(q, -1);
  Program consumer = Program().repeat(6, Program().get(q).cpu(3 * kMillisecond));
  Program main;
  main.spawn(0, "producer", std::move(producer))
      .spawn(1, "consumer-1", consumer)
      .spawn(2, "consumer-2", consumer)
      .join(0)
      .join(1)
      .join(2);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Eight I/O-bound threads, at most two at a time inside a Semaphore(2).
void buildSemaphore(Simulation& sim) {
  int32_t sem = sim.createSemaphore(2);
  Program main;
  for (int i = 0; i < 8; ++i) {
    main.spawn(i, "fetch-" + std::to_string(i + 1),
               Program().semAcquire(sem).io(20 * kMillisecond, "request").semRelease(sem));
  }
  for (int i = 0; i < 8; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

// Ten I/O-bound threads, each 5 x (1 ms CPU + 20 ms I/O): threads overlap the waiting.
void buildIoThreads(Simulation& sim) {
  Program main;
  for (int i = 0; i < 10; ++i) {
    main.spawn(i, "fetch-" + std::to_string(i + 1),
               Program().repeat(5, Program().cpu(1 * kMillisecond).io(20 * kMillisecond, "network")));
  }
  for (int i = 0; i < 10; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
}

}  // namespace

const std::vector<BuiltinScenario>& builtinScenarios() {
  static const std::vector<BuiltinScenario> all = {
      {"convoy", "I/O thread (50 x 1 ms sleep) beside a CPU-bound thread: the convoy effect", "", buildConvoy},
      {"convoy-1ms", "The convoy after sys.setswitchinterval(0.001)", "", buildConvoyShortInterval},
      {"io-alone", "The I/O thread alone: 50 x 1 ms", "", buildIoAlone},
      {"cpu-threads", "Two CPU-bound threads share one GIL", "", buildCpuThreads},
      {"gil-off", "Four CPU-bound threads, free-threaded build (GIL off)", "gil=off", buildFourCpuThreads},
      {"gil-on-4", "Four CPU-bound threads with the GIL", "", buildFourCpuThreads},
      {"processes", "Four CPU-bound processes on two cores", "cores=2", buildProcesses},
      {"time-slicing", "Six threads in native code on two cores: OS time slices", "cores=2", buildTimeSlicing},
      {"lock-handoff", "Three threads take turns on one Lock (FIFO hand-off)", "", buildLockHandoff},
      {"producer-consumer", "queue.Queue between a producer and two consumers", "", buildProducerConsumer},
      {"semaphore", "Semaphore(2) limits eight I/O-bound threads", "", buildSemaphore},
      {"io-threads", "Ten I/O-bound threads overlap their waiting", "", buildIoThreads},
  };
  return all;
}

const BuiltinScenario* findScenario(const std::string& name) {
  for (const BuiltinScenario& s : builtinScenarios()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool runBuiltin(const std::string& name, const std::string& settings, Trace* out,
                std::string* error) {
  const BuiltinScenario* s = findScenario(name);
  if (!s) {
    *error = "unknown scenario '" + name + "' (try `interleave list`)";
    return false;
  }
  MachineConfig config;
  std::string err = applySettings(config, s->defaults);
  if (err.empty()) err = applySettings(config, settings);
  if (!err.empty()) {
    *error = err;
    return false;
  }
  Simulation sim(config);
  s->build(sim);
  sim.run();
  *out = sim.trace();
  return true;
}

}  // namespace interleave

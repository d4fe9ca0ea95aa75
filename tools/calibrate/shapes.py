"""Small pure-Python loop shapes used to calibrate Interleave's cost model.

Each shape is a dict:

  name      unique identifier (snake_case)
  setup     module-level code run once (defines globals, helper functions, classes)
  pre       statements inside run(n) before the loop (optional)
  body      statements inside `for i in range(n):` (one iteration = one "unit")
  src       full source of `def run(n): ...` instead of pre/body (optional);
            must do n units of work
  module    True: `body` runs at module level (`for i in range(n):` at top level,
            globals as variables, LOAD_NAME/STORE_NAME); default False
  items     how many items one unit stands for (default 1): the result is given per item
  builtins  {builtin_key: (calls, items) per unit} for C-level work that no opcode shows:
            `calls` times the builtin's fixed cost plus `items` times its per-item cost
            (keys of measure.BUILTINS); default none
  variant   {opname: label} for operand types the tracer cannot see: the instruction is
            counted as "OPNAME label" (e.g. BINARY_OP + float, BINARY_SUBSCR dict). Without
            it, BINARY_OP/COMPARE_OP mean ints below 2**30 and *_SUBSCR/CONTAINS_OP mean
            lists; "big" means an int operand or result of 2**30 or more (several digits),
            "small" an int result in [-5, 256] (preallocated by CPython: no allocation).
            A key may name the operator too ({"BINARY_OP %": "small"})
  fit       False: only checked against the fitted model, not used to fit it
            (shapes dominated by a C builtin that loops internally)
  program   True: a small whole program (a check of the model on realistic mixes); fitted
            like the others, and its leave-one-out prediction is the honest check
  per       what one unit is, for the report (default "iteration", or "item" with items)
  ref_ns    reference figure quoted in issue 3, if any
  n         time run(n) at exactly this n (default: whatever takes a few ms); the two
            reference shapes use n = 1,000,000 so that their ints grow as they did there;
            accumulating shapes that mean small ints stop before the total reaches 2**30

Values matter in CPython: ints in [-5, 256] are preallocated (no allocation), ints below
2**30 take the one-digit fast paths. Loops here iterate over values above 256, as loops over
range(n) with a large n do.

Shapes are run by measure.py inside a fresh namespace; `run(n)` is the only entry point.
The shapes are what lessons and their variations do: keep each one small and obvious.
"""

_CLASSES = """
class Point:
    def __init__(self, x):
        self.x = x
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b
class Obj:
    def __init__(self):
        self.a = 1
    def m(self, v):
        return v
"""

_FUNCS = """
def f0():
    pass
def f1(a):
    return a
def f3(a, b, c):
    return a
def g1(a):
    return a
def g2(a):
    return g1(a)
"""

SHAPES = [
    # --- the loop itself, ints -------------------------------------------------------------------
    dict(name="empty_for_range", body="pass"),
    dict(name="total_add_i", pre="total = 0", body="total += i", n=40_000),  # total < 2**30
    dict(name="total_add_i_times_i", pre="total = 0", body="total += i * i", ref_ns=58,
         n=1_000_000, variant={"BINARY_OP": "big"}),
    dict(name="int_add_const", body="x = i + 1"),
    dict(name="int_add_big", pre="a = 2 ** 40", body="x = a + i", variant={"BINARY_OP": "big"}),
    dict(name="int_mul_big_result", pre="a = 40000\n    b = 50000", body="x = a * b",
         variant={"BINARY_OP": "big"}),
    dict(name="int_mul", body="x = i * 3"),
    dict(name="int_sub", body="x = i - 1"),
    dict(name="int_sub_mod", body="x = (i - 3) % 7", variant={"BINARY_OP %": "small"}),
    dict(name="int_add_small", pre="a = 5", body="x = a + 1", variant={"BINARY_OP": "small"}),
    dict(name="int_sub_small", pre="a = 10", body="x = a - 1", variant={"BINARY_OP": "small"}),
    dict(name="int_mul_small", pre="a = 5", body="x = a * 3", variant={"BINARY_OP": "small"}),
    dict(name="int_floordiv", body="x = i // 3"),
    dict(name="int_mod", body="x = i % 1000"),
    dict(name="int_bitand", body="x = i & 255", variant={"BINARY_OP": "small"}),
    dict(name="int_pow_2", body="x = i ** 2"),
    dict(name="int_true_div", body="x = i / 3"),
    dict(name="while_counter",
         src="def run(n):\n    i = 0\n    while i < n:\n        i += 1\n"),
    dict(name="module_level_total_add", module=True, body="total += i",
         setup="total = 0", n=40_000),
    # --- floats -----------------------------------------------------------------------------------
    dict(name="float_add", pre="a = 1.5\n    b = 2.25", body="x = a + b",
         variant={"BINARY_OP": "float"}),
    dict(name="float_mul_add", pre="a = 1.5\n    b = 2.25\n    c = 0.5", body="x = a * b + c",
         variant={"BINARY_OP": "float"}),
    dict(name="float_accumulate", pre="t = 0.0", body="t += 0.5 * 1.25",
         variant={"BINARY_OP": "float"}),
    # --- names ------------------------------------------------------------------------------------
    dict(name="local_load", pre="L = 5", body="x = L"),
    dict(name="global_load", setup="G = 5", body="x = G"),
    dict(name="global_store", setup="G2 = 0", pre="global G2", body="G2 = i"),
    dict(name="builtin_name_load", body="x = len"),
    dict(name="const_tuple_unpack_swap", pre="a = 1\n    b = 2", body="a, b = b, a"),
    dict(name="tuple_build_unpack", body="t = (i, i)\n        a, b = t"),
    dict(name="cell_read_in_loop",
         src="def run(n):\n    c = 5\n    def inner():\n        return c\n"
             "    for i in range(n):\n        x = c\n"),
    dict(name="lambda_creation_closure",
         src="def run(n):\n    for i in range(n):\n        f = lambda: i\n"),
    dict(name="closure_call",
         src="def run(n):\n    c = 5\n    def inner():\n        return c\n"
             "    for i in range(n):\n        inner()\n"),
    # --- calls ------------------------------------------------------------------------------------
    dict(name="call_0_args", setup=_FUNCS, body="f0()"),
    dict(name="call_1_arg", setup=_FUNCS, body="f1(i)"),
    dict(name="call_3_args", setup=_FUNCS, body="f3(i, 2, 3)"),
    dict(name="call_kwargs", setup=_FUNCS, body="f3(i, b=2, c=3)"),
    dict(name="nested_call_depth_2", setup=_FUNCS, body="g2(i)"),
    dict(name="method_call", setup=_CLASSES, pre="o = Obj()", body="o.m(i)"),
    dict(name="lambda_call", pre="f = lambda v: v + 1", body="x = f(i)"),
    dict(name="class_instantiation_1_attr", setup=_CLASSES, body="p = Point(i)"),
    dict(name="class_instantiation_2_attrs", setup=_CLASSES, body="p = Pair(i, 2)"),
    # --- attributes -------------------------------------------------------------------------------
    dict(name="attr_load", setup=_CLASSES, pre="o = Obj()", body="x = o.a"),
    dict(name="attr_store", setup=_CLASSES, pre="o = Obj()", body="o.a = i"),
    dict(name="attr_increment", setup=_CLASSES, pre="o = Obj()", body="o.a += 1"),
    # --- containers -------------------------------------------------------------------------------
    dict(name="list_append", pre="lst = []", body="lst.append(i)"),
    dict(name="list_append_pop", pre="lst = [1, 2, 3]", body="lst.append(i)\n        lst.pop()"),
    dict(name="list_index_read", pre="lst = list(range(10))", body="x = lst[5]"),
    dict(name="list_index_write", pre="lst = list(range(10))", body="lst[5] = i"),
    dict(name="dict_get_item", pre="d = {'a': 1, 'key': 2, 'z': 3}", body="x = d['key']",
         variant={"BINARY_SUBSCR": "dict"}),
    dict(name="dict_set_item", pre="d = {'a': 1, 'key': 2, 'z': 3}", body="d['key'] = i",
         variant={"STORE_SUBSCR": "dict"}),
    dict(name="dict_set_int_key", pre="d = {}", body="d[i & 1023] = i",
         variant={"STORE_SUBSCR": "dict"}),
    dict(name="dict_get_method", pre="d = {'a': 1, 'key': 2, 'z': 3}", body="x = d.get('key')"),
    dict(name="in_list_10", pre="lst = list(range(10))", body="x = 7 in lst",
         builtins={"list_contains": (0, 8)}),
    dict(name="in_dict", pre="d = {'a': 1, 'key': 2, 'z': 3}", body="x = 'key' in d",
         variant={"CONTAINS_OP": "dict"}),
    dict(name="in_set", pre="s = set(range(10))", body="x = 7 in s",
         variant={"CONTAINS_OP": "set"}),
    dict(name="build_list_3", body="x = [i, i, i]"),
    dict(name="empty_dict_literal", body="x = {}"),
    dict(name="build_dict_2", body="x = {'a': i, 'b': i}"),
    # --- strings ----------------------------------------------------------------------------------
    dict(name="str_concat", pre="a = 'hello'\n    b = 'world'", body="s = a + b",
         variant={"BINARY_OP": "str"}),
    dict(name="fstring_int", body="s = f'{i} items'"),
    dict(name="fstring_float_fmt", pre="v = 3.14159", body="s = f'v={v:.2f}'",
         variant={"FORMAT_VALUE": "float :.2f"}),
    dict(name="fstring_two_ints", body="s = f'{i}-{i}'"),
    dict(name="str_method_upper", pre="s = 'hello'", body="x = s.upper()"),
    dict(name="str_eq", pre="a = 'hello'\n    b = 'hellp'", body="x = a == b",
         variant={"COMPARE_OP": "str"}),
    # --- control flow -----------------------------------------------------------------------------
    dict(name="if_else_parity", body="if i & 1:\n            x = 1\n        else:\n            x = 2",
         variant={"BINARY_OP": "small"}),
    dict(name="if_compare_lt", pre="lim = 10", body="if i < lim:\n            x = 1"),
    dict(name="compare_to_bool", body="x = i < 10"),
    dict(name="compare_chain", pre="lo = 0\n    hi = 10", body="x = lo <= i < hi"),
    dict(name="bool_and_or", pre="a = True\n    b = False", body="x = a and b or a"),
    dict(name="try_except_no_raise", body="try:\n            x = i\n        except ValueError:\n"
                                           "            pass"),
    dict(name="raise_catch", body="try:\n            raise ValueError\n        except ValueError:\n"
                                  "            pass"),
    dict(name="raise_catch_msg_as", body="try:\n            raise ValueError('bad')\n"
                                         "        except ValueError as e:\n            pass"),
    dict(name="raise_in_callee_catch",
         setup="def fails():\n    raise ValueError\n",
         body="try:\n            fails()\n        except ValueError:\n            pass"),
    dict(name="raise_second_clause",
         body="try:\n            raise ValueError\n        except KeyError:\n            pass\n"
              "        except ValueError:\n            pass"),
    dict(name="keyerror_from_dict_catch", pre="d = {'a': 1}",
         variant={"BINARY_SUBSCR": "dict"},
         body="try:\n            x = d['missing']\n        except KeyError:\n            pass"),
    # --- what threading lessons do ----------------------------------------------------------------
    dict(name="global_increment", setup="total = 0", pre="global total", body="total += 1"),
    dict(name="global_add_call_result", setup="total = 0\ndef one():\n    return 1\n",
         pre="global total", body="total = total + one()"),
    dict(name="with_lock", setup="import threading\nLOCK = threading.Lock()",
         body="with LOCK:\n            pass"),
    dict(name="lock_acquire_release", setup="import threading\nLOCK = threading.Lock()",
         body="LOCK.acquire()\n        LOCK.release()"),
    dict(name="random_random", setup="import random\nrandom.seed(1)\nfrom random import random",
         body="x = random()"),
    dict(name="random_randint", setup="import random\nrandom.seed(1)\nfrom random import randint",
         body="x = randint(1, 6)"),
    dict(name="str_format_method", body="s = '{} items'.format(i)"),
    dict(name="list_slice", pre="lst = list(range(10))", body="x = lst[2:5]"),
    # --- small C builtins (one call = one unit) ---------------------------------------------------
    dict(name="len_call", pre="lst = [1, 2, 3]", body="x = len(lst)"),
    dict(name="min_2_args", body="x = min(i, 5)"),
    dict(name="max_2_args", body="x = max(i, 5)"),
    dict(name="abs_call", body="x = abs(i)"),
    dict(name="isinstance_call", body="x = isinstance(i, int)"),
    dict(name="range_creation", body="r = range(10)"),
    dict(name="bigint_mul_100_digits", setup="A = 7 ** 118\nB = 3 ** 209",
         body="x = A * B",
         fit=False, builtins={"bigint_mul": (1, 144)}),  # 12 x 12 limbs of 30 bits
    # --- Python-level iteration (per item) --------------------------------------------------------
    dict(name="short_inner_loop", pre="t = (1, 2)", body="for v in t:\n            pass"),
    dict(name="for_over_list", variant={"FOR_ITER": "list"}, setup="DATA = list(range(100))", items=100,
         src="def run(n):\n    data = DATA\n    for _ in range(n):\n        for v in data:\n"
             "            pass\n"),
    dict(name="enumerate_list", variant={"FOR_ITER": "enumerate"}, setup="DATA = list(range(100))", items=100,
         src="def run(n):\n    data = DATA\n    for _ in range(n):\n"
             "        for j, v in enumerate(data):\n            pass\n"),
    dict(name="zip_two_lists", variant={"FOR_ITER": "zip"}, setup="DATA = list(range(100))\nDATB = list(range(100))", items=100,
         src="def run(n):\n    for _ in range(n):\n        for a, b in zip(DATA, DATB):\n"
             "            pass\n"),
    dict(name="dict_items_iteration", variant={"FOR_ITER": "dict_items"}, setup="D = {str(k): k for k in range(100)}", items=100,
         src="def run(n):\n    d = D\n    for _ in range(n):\n        for k, v in d.items():\n"
             "            pass\n"),
    dict(name="generator_for_loop", items=100,
         setup="def gen(m):\n    for k in range(1000, 1000 + m):\n        yield k\n",
         src="def run(n):\n    for _ in range(n):\n        for v in gen(100):\n            pass\n"),
    dict(name="listcomp_range", items=100,
         src="def run(n):\n    for _ in range(n):\n        x = [k for k in range(1000, 1100)]\n"),
    dict(name="listcomp_map_list", variant={"FOR_ITER": "list"}, setup="DATA = list(range(100))", items=100,
         src="def run(n):\n    data = DATA\n    for _ in range(n):\n"
             "        x = [v * 2 for v in data]\n"),
    dict(name="genexpr_sum_squares", per="item", ref_ns=73, n=1_000_000,
         variant={"BINARY_OP": "big"},
         builtins={"sum_list": (0, 1)},
         src="def run(n):\n    return sum(x**2 for x in range(n))\n"),
    dict(name="genexpr_sum_mul", per="item", n=1_000_000, variant={"BINARY_OP": "big"},
         builtins={"sum_list": (0, 1)},
         src="def run(n):\n    return sum(x * x for x in range(n))\n"),
    # --- C builtins that loop internally (per item; checks only) ----------------------------------
    dict(name="sorted_1000_ints", fit=False, items=1000,
         setup="import random\nrandom.seed(1)\nDATA = list(range(1000))\nrandom.shuffle(DATA)",
         body="x = sorted(DATA)", builtins={"sorted_random": (1, 1000)}),
    dict(name="sum_range_1000", fit=False, items=1000,
         body="x = sum(range(1000))", builtins={"sum_range": (1, 1000)}),
    dict(name="sum_list_1000", fit=False, items=1000, setup="DATA = list(range(1000))",
         body="x = sum(DATA)", builtins={"sum_list": (1, 1000)}),
    dict(name="str_join_1000", fit=False, items=1000, setup="STRS = ['ab'] * 1000",
         body="x = ','.join(STRS)", builtins={"str_join": (1, 1000)}),
    dict(name="list_range_1000", fit=False, items=1000,
         body="x = list(range(1000))", builtins={"list_range": (1, 1000)}),
    dict(name="in_list_1000_miss", fit=False, items=1000, setup="DATA = list(range(1000))",
         body="x = -1 in DATA", builtins={"list_contains": (1, 1000)}),
    # --- small programs of the kind lessons run (fitted too; see measure.py on leave-one-out) ----
    dict(name="prog_fib_recursive", program=True, per="fib(12) call (465 calls)",
         variant={"BINARY_OP": "small"},
         setup="def fib(k):\n    if k < 2:\n        return k\n    return fib(k - 1) + fib(k - 2)\n",
         body="fib(12)"),
    dict(name="prog_countdown", program=True, items=1000, per="decrement",
         src="def run(n):\n    for _ in range(n):\n        k = 1000\n        while k > 0:\n"
             "            k -= 1\n"),
    dict(name="prog_primes_trial_division", program=True, per="primes in range(1000, 1100)",
         setup="def is_prime(m):\n    if m < 2:\n        return False\n    d = 2\n"
               "    while d * d <= m:\n        if m % d == 0:\n            return False\n"
               "        d += 1\n    return True\n",
         body="c = 0\n        for m in range(1000, 1100):\n            if is_prime(m):\n"
              "                c += 1"),
    dict(name="prog_bubble_sort_30", program=True, per="sort of 30 ints",
         variant={"BINARY_OP": "small"},
         setup="import random\nrandom.seed(3)\nDATA = [random.randrange(1000) for _ in range(30)]\n"
               "def bubble(a):\n    a = a[:]\n    n = len(a)\n    for i in range(n):\n"
               "        for j in range(n - 1 - i):\n            if a[j] > a[j + 1]:\n"
               "                a[j], a[j + 1] = a[j + 1], a[j]\n    return a\n",
         body="bubble(DATA)"),
    dict(name="prog_word_count", program=True, per="count of 40 words",
         variant={"STORE_SUBSCR": "dict", "FOR_ITER": "list"},
         setup="WORDS = ('the cat sat on the mat the end ' * 5).split()\n"
               "def count_words(words):\n    counts = {}\n    for w in words:\n"
               "        counts[w] = counts.get(w, 0) + 1\n    return counts\n",
         body="count_words(WORDS)"),
    dict(name="prog_bank_account", program=True, per="deposit + withdraw",
         setup="class Account:\n    def __init__(self):\n        self.balance = 0\n"
               "    def deposit(self, amount):\n        self.balance += amount\n"
               "    def withdraw(self, amount):\n        if amount > self.balance:\n"
               "            raise ValueError('insufficient funds')\n"
               "        self.balance -= amount\n",
         pre="acct = Account()", body="acct.deposit(10)\n        acct.withdraw(5)"),
    dict(name="prog_matmul_8x8", program=True, per="8x8 matrix product",
         builtins={"sum_list": (64, 512)},
         setup="A = [[(i * j) % 7 for j in range(8)] for i in range(8)]\n"
               "def matmul(a, b):\n    n = len(a)\n"
               "    return [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)]\n"
               "            for i in range(n)]\n",
         body="matmul(A, A)"),
    dict(name="prog_collatz_27", program=True, per="collatz(27): 111 steps",
         setup="def collatz(m):\n    steps = 0\n    while m != 1:\n        if m % 2 == 0:\n"
               "            m //= 2\n        else:\n            m = 3 * m + 1\n"
               "        steps += 1\n    return steps\n",
         body="collatz(27)"),
    dict(name="prog_inheritance", program=True, per="Dog('rex') + speak()",
         setup="class Animal:\n    def __init__(self, name):\n        self.name = name\n"
               "    def speak(self):\n        return self.name + ' makes a sound'\n"
               "class Dog(Animal):\n    def __init__(self, name):\n"
               "        super().__init__(name)\n        self.tricks = []\n"
               "    def speak(self):\n        return self.name + ' barks'\n",
         variant={"BINARY_OP": "str"},
         body="d = Dog('rex')\n        s = d.speak()"),
    dict(name="prog_stack_push_pop", program=True, per="50 pushes + 50 pops",
         variant={"BINARY_OP": "small"},
         setup="def churn():\n    buf = []\n    for k in range(50):\n        buf.append(k * 2)\n"
               "    total = 0\n    while buf:\n        total += buf.pop()\n    return total\n",
         body="churn()"),
    dict(name="prog_string_build", program=True, per="20 str() + join",
         builtins={"str_join": (1, 20)},
         setup="def build():\n    parts = []\n    for k in range(20):\n"
               "        parts.append(str(k))\n    return ','.join(parts)\n",
         body="build()"),
]

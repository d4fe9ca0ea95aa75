# A lambda cannot be pickled for a ProcessPoolExecutor: the future carries a PicklingError.
import pickle
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(lambda x: x + 1, 1)
        try:
            f.result()
        except pickle.PicklingError as e:
            print("PicklingError:", type(e).__name__)
        print(ex.submit(square, 7).result())

# expect: PicklingError: PicklingError
# expect: 49

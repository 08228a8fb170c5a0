def longest_streak(log):
    best_name, best_length = None, 0
    # Loop over the log. Keep track of the current streak (its name and its length),
    # and remember the best one you have seen so far.
    return best_name, best_length


log = [("Ana", "Ben"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ana", "Ben")]
print(longest_streak(log))

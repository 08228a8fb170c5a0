def count_listeners(log):
    counts = {}
    # For each (listener, speaker) pair, add one to the listener's count.
    return counts


week = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
print(count_listeners(week))

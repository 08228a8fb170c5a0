def count_listeners(log):
    counts = {}
    for listener, speaker in log:
        counts.setdefault(listener, 0)
        counts.setdefault(speaker, 0)
        counts[listener] += 1
    return counts


week = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
print(count_listeners(week))

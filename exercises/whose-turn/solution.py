def next_listener(log, partners):
    first, second = partners
    if not log:
        return first
    turns = {name: sum(1 for listener, _ in log if listener == name) for name in partners}
    if turns[first] != turns[second]:
        return first if turns[first] < turns[second] else second
    last_listener = log[-1][0]
    return second if last_listener == first else first


print(next_listener([("Sam", "Alex")], ("Sam", "Alex")))

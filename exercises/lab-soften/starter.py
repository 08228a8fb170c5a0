def soften(sentence):
    sentence = sentence.replace("you always", "you sometimes")
    # Add the other changes here: "You always", "you never" and "You never".
    return sentence


print(soften("You never listen to me!"))

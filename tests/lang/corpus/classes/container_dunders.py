class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

    def __setitem__(self, index, value):
        self.cards[index] = value

    def __contains__(self, card):
        print("checking", card)
        return card in self.cards

deck = Deck("AKQJ")
print(len(deck), deck[0], deck[-1], deck[1:3])
deck[0] = "2"
print(deck.cards)
print("K" in deck, "Z" in deck)
for card in deck:
    print("card", card)
print(list(deck), bool(deck), bool(Deck([])))

# expect: 4 A J ['K', 'Q']
# expect: ['2', 'K', 'Q', 'J']
# expect: checking K
# expect: checking Z
# expect: True False
# expect: card 2
# expect: card K
# expect: card Q
# expect: card J
# expect: ['2', 'K', 'Q', 'J'] True False

class Query:
    def __init__(self):
        self.parts = []

    def where(self, cond):
        self.parts.append(f"WHERE {cond}")
        return self

    def order(self, field):
        self.parts.append(f"ORDER BY {field}")
        return self

    def build(self):
        return " ".join(["SELECT *"] + self.parts)

print(Query().where("x > 1").order("x").build())
q = Query()
q.where("a").where("b")
print(q.build(), len(q.parts))

# expect: SELECT * WHERE x > 1 ORDER BY x
# expect: SELECT * WHERE a WHERE b 2

using CustomerCare.Coupons.Codes;

namespace CustomerCare.Tests.Coupons.Codes;

/// <summary>C5: the check symbol catches 100% of single substitutions and adjacent transpositions.</summary>
public sealed class CouponCodeCheckSymbolTests
{
    private const int CodesPerPattern = 600;

    public static TheoryData<string?, int> Patterns => new()
    {
        { null, 12 },
        { "BDAY", 12 },
        { "W1NBACK", 20 },
        { null, CouponCodePattern.MaxRandomLength },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void EverySingleSubstitution_InManyRandomCodes_IsRejected(string? prefix, int randomLength)
    {
        var codes = new CouponCodeGenerator().GenerateBatch(new CouponCodePattern(prefix, randomLength), CodesPerPattern);
        var tried = 0;
        var accepted = new List<string>();

        foreach (var code in codes)
        {
            var symbols = code.Value.ToCharArray();
            for (var position = 0; position < symbols.Length; position++)
            {
                var original = symbols[position];
                var alphabet = position == symbols.Length - 1 ? Codes.CheckSymbols : Codes.Symbols;
                foreach (var other in alphabet.Where(s => s != original))
                {
                    symbols[position] = other;
                    tried++;
                    if (CouponCode.TryParse(new string(symbols), out _, out _))
                    {
                        accepted.Add($"{code.Value}: position {position + 1} {original}→{other}");
                    }
                }

                symbols[position] = original;
            }
        }

        Assert.Empty(accepted);
        var length = codes[0].Value.Length;
        Assert.Equal(CodesPerPattern * (((length - 1) * 31) + 36), tried);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void EveryAdjacentTransposition_InManyRandomCodes_IsRejected(string? prefix, int randomLength)
    {
        var codes = new CouponCodeGenerator().GenerateBatch(new CouponCodePattern(prefix, randomLength), CodesPerPattern);
        var tried = 0;
        var accepted = new List<string>();

        foreach (var code in codes)
        {
            for (var position = 0; position + 1 < code.Value.Length; position++)
            {
                var symbols = code.Value.ToCharArray();
                if (symbols[position] == symbols[position + 1])
                {
                    continue; // swapping two equal symbols changes nothing
                }

                (symbols[position], symbols[position + 1]) = (symbols[position + 1], symbols[position]);
                tried++;
                if (CouponCode.TryParse(new string(symbols), out _, out _))
                {
                    accepted.Add($"{code.Value}: positions {position + 1} and {position + 2} swapped");
                }
            }
        }

        Assert.Empty(accepted);
        Assert.True(tried > CodesPerPattern * 10, $"only {tried} transpositions were tried");
    }

    [Fact]
    public void TheArithmetic_SeparatesEverySubstitutionAndTransposition_AtEveryPositionOfEveryLength()
    {
        // The remainder is linear in the symbol values, so comparing two bodies that differ only at the error covers
        // every context: zeros elsewhere are as good as any other symbols. Leading zeros do not change the number, so
        // the longest body covers every position, counted from the end, of every shorter one.
        var body = new char[CouponCode.MaxLength - 1];
        var checkedPairs = 0;
        for (var position = 0; position < body.Length; position++)
        {
            for (var a = 0; a < 32; a++)
            {
                for (var b = 0; b < 32; b++)
                {
                    if (a == b)
                    {
                        continue;
                    }

                    Array.Fill(body, '0');
                    body[position] = Codes.Symbols[a];
                    var withA = CouponCodeCheckSymbol.Compute(body);
                    body[position] = Codes.Symbols[b];
                    Assert.NotEqual(withA, CouponCodeCheckSymbol.Compute(body));
                    if (position + 1 < body.Length)
                    {
                        body[position + 1] = Codes.Symbols[a];
                        var ba = CouponCodeCheckSymbol.Compute(body);
                        (body[position], body[position + 1]) = (body[position + 1], body[position]);
                        Assert.NotEqual(ba, CouponCodeCheckSymbol.Compute(body));
                    }

                    checkedPairs++;
                }
            }
        }

        Assert.Equal(41 * 32 * 31, checkedPairs);
    }

    [Fact]
    public void SwappingTheLastSymbolWithTheCheckSymbol_IsRejected_ForEveryRemainderBeforeThem()
    {
        // r is the remainder of everything before the last body symbol a; the check is c = (32r + a) mod 37. After
        // the swap the code is valid only if c is a body symbol and (32r + c) mod 37 = a.
        var fooled = 0;
        for (var r = 0; r < 37; r++)
        {
            for (var a = 0; a < 32; a++)
            {
                var c = ((32 * r) + a) % 37;
                if (c != a && c < 32 && ((32 * r) + c) % 37 == a)
                {
                    fooled++;
                }
            }
        }

        Assert.Equal(0, fooled);
    }

    [Fact]
    public void TheCheckSymbol_IsTheCodeAsABase32NumberModulo37()
    {
        foreach (var code in new CouponCodeGenerator().GenerateBatch(new CouponCodePattern("SHOP", 20), 2_000))
        {
            Assert.Equal(Codes.WithCheck(code.Value[..^1]), code.Value);
        }
    }

    [Fact]
    public void CheckSymbolsOutsideTheAlphabet_AppearAndParse()
    {
        var seen = new HashSet<char>();
        var generator = new CouponCodeGenerator();
        foreach (var code in generator.GenerateBatch(CouponCodePattern.Default, 5_000))
        {
            seen.Add(code.Value[^1]);
            Assert.Equal(code, CouponCode.Parse(code.Value.ToLowerInvariant()));
        }

        Assert.Equal(Codes.CheckSymbols.ToHashSet(), seen);
    }
}

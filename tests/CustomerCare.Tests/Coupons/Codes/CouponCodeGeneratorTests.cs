using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using CustomerCare.Coupons.Codes;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodeGeneratorTests
{
    [Theory]
    [InlineData(null, 12, 100_000)]
    [InlineData("BDAY", 12, 100_000)]
    [InlineData("ABCDEFGHJKMNPQRS", CouponCodePattern.MaxRandomLength, 50_000)]
    public void GenerateBatch_CallsTheRandomSourceAtMostOncePer512Codes_WithBlocksOfAtLeast4KiB(string? prefix, int randomLength, int count)
    {
        var source = new CountingSource();
        var generator = new CouponCodeGenerator(source.Fill);

        var codes = generator.GenerateBatch(new CouponCodePattern(prefix, randomLength), count);

        Assert.Equal(count, codes.Count);
        Assert.InRange(source.Calls, 1, count / 512);
        Assert.All(source.Sizes, size => Assert.True(size >= 4096, $"a call drew only {size} bytes"));
        // The bits a batch needs, rounded up to whole blocks: nothing is drawn and thrown away.
        var bytesNeeded = ((long)count * randomLength * 5 + 7) / 8;
        Assert.Equal((bytesNeeded + CouponCodeGenerator.RandomBlockSize - 1) / CouponCodeGenerator.RandomBlockSize, source.Calls);
    }

    [Fact]
    public void Generate_OneAtATime_SharesBlocksAcrossCalls()
    {
        var source = new CountingSource();
        var generator = new CouponCodeGenerator(source.Fill);

        for (var i = 0; i < 10_000; i++)
        {
            generator.Generate(CouponCodePattern.Default);
        }

        // 10,000 codes × 60 bits = 75,000 bytes: 5 blocks of 16 KiB.
        Assert.Equal(5, source.Calls);
    }

    [Fact]
    public void GenerateBatch_SmallBatchesShareTheBlocksToo()
    {
        var source = new CountingSource();
        var generator = new CouponCodeGenerator(source.Fill);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(100, generator.GenerateBatch(CouponCodePattern.Default, 100).Count);
        }

        Assert.Equal(5, source.Calls);
    }

    [Fact]
    public void Codes_AreTheRandomBitsFiveAtATime_MostSignificantFirst_WithNothingSkipped()
    {
        var stream = new byte[CouponCodeGenerator.RandomBlockSize];
        new Random(7).NextBytes(stream);
        var generator = new CouponCodeGenerator(span => stream.CopyTo(span));
        var pattern = new CouponCodePattern("P", 12);
        var bits = new BigInteger(stream.AsSpan(0, 30), isUnsigned: true, isBigEndian: true); // 240 bits: four codes

        for (var i = 0; i < 4; i++)
        {
            var code = generator.Generate(pattern);
            var random = (bits >> (240 - (60 * (i + 1)))) & ((BigInteger.One << 60) - 1);
            var expected = string.Concat(Enumerable.Range(0, 12).Select(k => Codes.Symbols[(int)((random >> (5 * (11 - k))) & 31)]));
            Assert.Equal(Codes.WithCheck("P" + expected), code.Value);
        }
    }

    [Fact]
    public void GenerateBatch_IsUniqueWithinTheBatch_EvenWhenTheSourceRepeatsItself()
    {
        // A source whose bytes are only 0–3 leaves about 15 free bits per 60-bit code: in 2,000 draws the birthday
        // bound promises dozens of repeats, which the batch must skip.
        var random = new Random(11);
        var drawn = new List<byte>();
        var generator = new CouponCodeGenerator(span =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (byte)random.Next(4);
            }

            drawn.AddRange(span.ToArray());
        });

        var codes = generator.GenerateBatch(CouponCodePattern.Default, 2_000);

        Assert.Equal(2_000, codes.Distinct().Count());
        Assert.Equal(2_000, codes.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        var expected = new List<string>();
        var seen = new HashSet<UInt128>();
        var consumed = 0;
        foreach (var draw in RawDraws(drawn.ToArray(), 60))
        {
            if (expected.Count == 2_000)
            {
                break;
            }

            consumed++;
            if (seen.Add(draw))
            {
                expected.Add(Codes.WithCheck(Symbols(draw, 12)));
            }
        }

        Assert.True(consumed > 2_000, "the source repeated nothing, so the test proves nothing");
        Assert.Equal(expected, codes.Select(c => c.Value));
    }

    [Fact]
    public void GenerateBatch_Large_IsUniqueWithinTheBatch_EvenWhenTheSourceRepeatsItself()
    {
        // Bytes of 0–7 leave about 22 free bits per 60-bit code: 70,000 draws repeat hundreds of times.
        const int count = 70_000;
        Assert.True(count >= UniqueKeys<ulong>.PartitionedFrom, "the test is meant for the partitioned check");
        var random = new Random(5);
        var drawn = new List<byte>();
        var generator = new CouponCodeGenerator(span =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (byte)random.Next(8);
            }

            drawn.AddRange(span.ToArray());
        });

        var codes = generator.GenerateBatch(CouponCodePattern.Default, count);

        var values = codes.Select(c => c.Value).ToList();
        Assert.Equal(count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Equal(Codes.WithCheck(v[..^1]), v));
        var draws = RawDraws(drawn.ToArray(), 60).ToList();
        Assert.True(draws.Take(count).Distinct().Count() < count, "the source repeated nothing, so the test proves nothing");
        var drawnCodes = draws.Select(d => Codes.WithCheck(Symbols(d, 12))).ToHashSet(StringComparer.Ordinal);
        Assert.All(values, v => Assert.Contains(v, drawnCodes));
    }

    [Fact]
    public void Batch_ReadsTheSameCodesByIndexAndInOrder_AndKeepsItsPattern()
    {
        var pattern = new CouponCodePattern("W1N", 20, 5, ' ');

        var batch = new CouponCodeGenerator().GenerateBatch(pattern, 1_000);

        Assert.Same(pattern, batch.Pattern);
        Assert.Equal(Enumerable.Range(0, batch.Count).Select(i => batch[i]), batch);
        Assert.Equal(batch[7].ToString(), batch[7].ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[1_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[-1]);
        Assert.All(batch, c => Assert.Equal(c, pattern.Parse(c.ToString())));
    }

    [Fact]
    public void GenerateBatch_ReturnsValidCodesOfThePattern()
    {
        var pattern = new CouponCodePattern("BDAY", 12);

        var codes = new CouponCodeGenerator().GenerateBatch(pattern, 20_000);

        Assert.Equal(20_000, codes.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Equal(c, pattern.Parse(c.ToString())));
        Assert.All(codes, c => Assert.Matches("^BDAY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=U]$", c.ToString()));
    }

    [Fact]
    public void GenerateBatch_OfNothing_IsEmpty_AndANegativeCountIsRefused()
    {
        var generator = new CouponCodeGenerator();

        Assert.Empty(generator.GenerateBatch(CouponCodePattern.Default, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.GenerateBatch(CouponCodePattern.Default, -1));
        Assert.Throws<ArgumentNullException>(() => generator.GenerateBatch(null!, 1));
    }

    [Fact]
    public void EnsureSpaceFor_ACountTheSpaceCannotHold1000TimesOver_FailsFastNamingPatternSpaceAndCount()
    {
        var pattern = new CouponCodePattern("BDAY");
        var space = BigInteger.Pow(2, 60);
        var limit = (long)(space / 1_000); // 1,152,921,504,606,846

        CouponCodeGenerator.EnsureSpaceFor(pattern, limit);
        var exception = Assert.Throws<CouponCodeSpaceTooSmallException>(() => CouponCodeGenerator.EnsureSpaceFor(pattern, limit + 1));

        Assert.Same(pattern, exception.Pattern);
        Assert.Equal(limit + 1, exception.Count);
        Assert.Equal(space, exception.SpaceSize);
        Assert.Equal((limit + 1) * (BigInteger)1_000, exception.RequiredSpaceSize);
        Assert.Equal("count", exception.ParamName);
        Assert.Contains("BDAY-####-####-####-? (60 bits)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1,152,921,504,606,846,976", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1,152,921,504,606,847", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FromManyThreadsAtOnce_GivesValidDistinctCodes()
    {
        var generator = new CouponCodeGenerator();
        var codes = new ConcurrentBag<CouponCode>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                codes.Add(generator.Generate(CouponCodePattern.Default));
            }

            foreach (var code in generator.GenerateBatch(CouponCodePattern.Default, worker % 2 == 0 ? 100 : 3_000))
            {
                codes.Add(code);
            }
        });

        Assert.Equal((8 * 5_000) + (4 * 100) + (4 * 3_000), codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(c, CouponCode.Parse(c.Value)));
    }

    /// <summary>Reads the byte stream bit by bit, most significant first, as draws of <paramref name="bitsPerDraw"/> bits.</summary>
    private static IEnumerable<UInt128> RawDraws(byte[] bytes, int bitsPerDraw)
    {
        for (long start = 0; start + bitsPerDraw <= bytes.LongLength * 8; start += bitsPerDraw)
        {
            UInt128 draw = 0;
            for (var bit = start; bit < start + bitsPerDraw; bit++)
            {
                draw = (draw << 1) | (uint)((bytes[bit / 8] >> (7 - (int)(bit % 8))) & 1);
            }

            yield return draw;
        }
    }

    private static string Symbols(UInt128 random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(k => Codes.Symbols[(int)((random >> (5 * (count - 1 - k))) & 31)]));

    /// <summary>The operating system's generator, counted.</summary>
    private sealed class CountingSource
    {
        private int _calls;

        public int Calls => _calls;

        public ConcurrentQueue<int> Sizes { get; } = new();

        public void Fill(Span<byte> buffer)
        {
            Interlocked.Increment(ref _calls);
            Sizes.Enqueue(buffer.Length);
            RandomNumberGenerator.Fill(buffer);
        }
    }
}

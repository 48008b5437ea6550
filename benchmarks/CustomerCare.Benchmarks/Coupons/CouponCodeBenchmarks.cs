using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CustomerCare.Coupons.Codes;

namespace CustomerCare.Benchmarks.Coupons;

/// <summary>
/// Generating 10M unique coupon codes of 12 random symbols and a check symbol (60 bits each), beside a plain
/// <see cref="RandomNumberGenerator.Fill(Span{byte})"/> of the same 75,000,000 random bytes: the floor any generator
/// pays for its randomness.
/// </summary>
[MemoryDiagnoser]
public class CouponCodeBenchmarks
{
    private const int Count = 10_000_000;

    private readonly CouponCodeGenerator _generator = new();
    private readonly CouponCodePattern _pattern = CouponCodePattern.Default;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = new byte[(long)Count * CouponCodePattern.Default.EntropyBits / 8];

    /// <summary>The randomness alone: one fill of the bytes 10M codes consume, into a buffer allocated once.</summary>
    [Benchmark(Baseline = true)]
    public byte PlainFill()
    {
        RandomNumberGenerator.Fill(_bytes);
        return _bytes[^1];
    }

    /// <summary>10M codes drawn and checked unique within the batch; their text is built when read.</summary>
    [Benchmark]
    public int GenerateBatch() => _generator.GenerateBatch(_pattern, Count).Count;

    /// <summary>
    /// The whole job: 10M unique codes, each read once as a <see cref="CouponCode"/> with its canonical text and
    /// check symbol, as a caller inserting them into a store would.
    /// </summary>
    [Benchmark]
    public long GenerateBatchAndReadEveryCode()
    {
        long symbols = 0;
        foreach (var code in _generator.GenerateBatch(_pattern, Count))
        {
            symbols += code.Value.Length;
        }

        return symbols;
    }
}

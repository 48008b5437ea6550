using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Draws coupon codes from the operating system's cryptographic random number generator, in large blocks so that a
/// code costs a small fraction of a system call.
/// </summary>
/// <remarks>
/// <para>
/// Random bytes come from <see cref="RandomNumberGenerator.Fill(Span{byte})"/> in blocks of
/// <see cref="RandomBlockSize"/> bytes: one call serves about 2,000 codes of 12 random symbols, and at least 512 codes
/// of any valid pattern. Each symbol is 5 fresh bits, so every symbol is equally likely without rejection sampling.
/// </para>
/// <para>
/// <see cref="GenerateBatch"/> guarantees uniqueness <em>within</em> one batch only. Uniqueness across batches, and
/// against codes already issued, is the store's job: it keys codes on <see cref="CouponCode.Value"/> with a unique
/// key and refuses a duplicate, and the caller draws a replacement. With at least 60 random bits and a space at least
/// <see cref="SpaceFactor"/> times the count, such a retry is rare; a loop that asks the store before each insert is
/// both slower and racy, and is not how this is meant to be used.
/// </para>
/// <para>
/// Thread-safe: <see cref="Generate"/> and batches of fewer than 512 codes share one buffer under a lock; a larger
/// batch draws into a buffer of its own and takes no lock.
/// </para>
/// </remarks>
public sealed class CouponCodeGenerator
{
    /// <summary>The bytes drawn per call to the random source: 16 KiB.</summary>
    public const int RandomBlockSize = 16 * 1024;

    /// <summary>A pattern's space must be at least this many times the number of codes asked for.</summary>
    public const int SpaceFactor = 1_000;

    /// <summary>Batches smaller than this draw from the shared buffer; larger ones draw into their own.</summary>
    internal const int SharedBufferMaxBatch = 512;

    private readonly Action<Span<byte>> _fill;
    private readonly Lock _lock = new();
    private readonly RandomBits _shared;

    /// <summary>Creates a generator over the operating system's cryptographic random number generator.</summary>
    public CouponCodeGenerator()
        : this(RandomNumberGenerator.Fill)
    {
    }

    /// <summary>Creates a generator over another random source; tests use it to count or shape the draws.</summary>
    /// <param name="fill">Fills a span with random bytes; called with <see cref="RandomBlockSize"/> bytes at a time.</param>
    internal CouponCodeGenerator(Action<Span<byte>> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        _fill = fill;
        _shared = new RandomBits(fill, new byte[RandomBlockSize]);
    }

    /// <summary>A generator over the operating system's random number generator, for callers that do not inject one.</summary>
    public static CouponCodeGenerator Shared { get; } = new();

    /// <summary>Generates one code.</summary>
    /// <param name="pattern">The pattern of the code.</param>
    /// <returns>A new random code, printed as the pattern says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <remarks>Nothing checks the code against codes issued before; the store's unique key does.</remarks>
    public CouponCode Generate(CouponCodePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        UInt128 random;
        lock (_lock)
        {
            random = _shared.TakeSymbols(pattern.RandomLength);
        }

        return Create(pattern, random);
    }

    /// <summary>Generates <paramref name="count"/> codes, all different from one another.</summary>
    /// <param name="pattern">The pattern of the codes.</param>
    /// <param name="count">How many codes to generate.</param>
    /// <returns>The codes, distinct within this batch, in the order they were drawn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="CouponCodeSpaceTooSmallException">
    /// The pattern's space is less than <see cref="SpaceFactor"/> × <paramref name="count"/>; nothing was drawn.
    /// </exception>
    /// <remarks>
    /// Codes are unique within the batch, checked with hash sets of their random parts (for large batches, one small
    /// set per partition of the values, which stays in cache). Uniqueness across batches and against issued codes is
    /// the store's unique key. A job that splits a large run into batches should call <see cref="EnsureSpaceFor"/>
    /// with the run's total first.
    /// </remarks>
    public CouponCodeBatch GenerateBatch(CouponCodePattern pattern, int count)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureSpaceFor(pattern, count);
        if (count < SharedBufferMaxBatch)
        {
            lock (_lock)
            {
                return Draw(pattern, count, _shared);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(RandomBlockSize);
        try
        {
            return Draw(pattern, count, new RandomBits(_fill, buffer));
        }
        finally
        {
            // The bytes drew codes; clear them so a later renter cannot read them.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>Refuses a run of <paramref name="count"/> codes that the pattern's space cannot hold comfortably.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="count">The number of codes the whole run will generate, over all its batches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="CouponCodeSpaceTooSmallException">
    /// <see cref="CouponCodePattern.SpaceSize"/> is less than <see cref="SpaceFactor"/> × <paramref name="count"/>.
    /// </exception>
    public static void EnsureSpaceFor(CouponCodePattern pattern, long count)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (pattern.SpaceSize < (BigInteger)SpaceFactor * count)
        {
            throw new CouponCodeSpaceTooSmallException(pattern, count);
        }
    }

    /// <summary>Builds the code whose random symbols are the 5-bit groups of <paramref name="random"/>, first symbol highest.</summary>
    internal static CouponCode Create(CouponCodePattern pattern, UInt128 random)
    {
        var value = string.Create(pattern.CodeLength, (pattern, random), static (span, state) =>
        {
            var (p, bits) = state;
            p.Prefix.CopyTo(span);
            var low = (ulong)bits;
            var high = (ulong)(bits >> 64);
            var offset = p.Prefix.Length;
            var sum = 0;

            // Right to left on two 64-bit halves: the check sum weighs the i-th symbol from the right by 32^i mod 37.
            for (var i = p.RandomLength - 1; i >= 0; i--)
            {
                var symbol = (int)(low & (CrockfordBase32.Radix - 1));
                low = (low >> CouponCodePattern.BitsPerSymbol) | (high << (64 - CouponCodePattern.BitsPerSymbol));
                high >>= CouponCodePattern.BitsPerSymbol;
                span[offset + i] = CrockfordBase32.Symbols[symbol];
                sum += symbol * CouponCodeCheckSymbol.PowerOf32(p.RandomLength - 1 - i);
            }

            span[^1] = CrockfordBase32.CheckSymbols[((p.PrefixRemainder * CouponCodeCheckSymbol.PowerOf32(p.RandomLength)) + sum) % CouponCodeCheckSymbol.Modulus];
        });
        return new CouponCode(value, pattern.Prefix.Length, pattern.GroupSize, pattern.Separator);
    }

    private static CouponCodeBatch Draw(CouponCodePattern pattern, int count, RandomBits bits) =>
        pattern.EntropyBits <= 64
            ? new CouponCodeBatch(pattern, UniqueKeys<ulong>.Draw(bits, pattern.RandomLength, count))
            : new CouponCodeBatch(pattern, UniqueKeys<UInt128>.Draw(bits, pattern.RandomLength, count));
}

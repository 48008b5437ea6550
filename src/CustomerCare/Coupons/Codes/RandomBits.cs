using System.Diagnostics;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Reads a stream of random bits, most significant bit of each byte first, from a buffer refilled whole by one call to
/// the random source. Not thread-safe: the owner serializes access.
/// </summary>
internal sealed class RandomBits
{
    // Refills take at most 56 bits at once, so the 64-bit accumulator never overflows.
    private const int MaxBitsPerTake = 56;

    private readonly Action<Span<byte>> _fill;
    private readonly byte[] _buffer;
    private int _position;
    private ulong _bits;
    private int _bitCount;

    public RandomBits(Action<Span<byte>> fill, byte[] buffer)
    {
        _fill = fill;
        _buffer = buffer;
        _position = buffer.Length;
    }

    /// <summary>
    /// Takes <paramref name="count"/> symbols of 5 fresh bits each, the first symbol in the highest bits. Every
    /// 5-bit value is equally likely, so nothing is rejected or reduced modulo anything.
    /// </summary>
    public UInt128 TakeSymbols(int count)
    {
        UInt128 result = 0;
        for (var remaining = count * CouponCodePattern.BitsPerSymbol; remaining > 0;)
        {
            var take = Math.Min(remaining, MaxBitsPerTake);
            result = (result << take) | TakeBits(take);
            remaining -= take;
        }

        return result;
    }

    /// <summary>Takes <paramref name="count"/> symbols, at most 12 (60 bits), as <see cref="TakeSymbols"/> does.</summary>
    public ulong TakeSymbols64(int count)
    {
        var bits = count * CouponCodePattern.BitsPerSymbol;
        Debug.Assert(bits <= 64, "At most 64 bits fit.");
        return bits <= MaxBitsPerTake ? TakeBits(bits) : (TakeBits(bits - 32) << 32) | TakeBits(32);
    }

    private ulong TakeBits(int count)
    {
        while (_bitCount < count)
        {
            if (_position == _buffer.Length)
            {
                _fill(_buffer);
                _position = 0;
            }

            _bits = (_bits << 8) | _buffer[_position++];
            _bitCount += 8;
        }

        _bitCount -= count;
        return (_bits >> _bitCount) & ((1UL << count) - 1);
    }
}

using System.Collections;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// A batch of generated coupon codes, all different from one another, held compactly: each code's random part is
/// kept as a number, and its text is built when the code is read.
/// </summary>
/// <remarks>
/// <para>
/// A batch of ten million 60-bit codes holds 80 MB of numbers instead of ten million strings; reading a code costs one
/// short string. Each read builds a new <see cref="CouponCode"/> equal to the last one, so keep the value if you need it
/// twice. Insert the codes into the store as you read them: the store's unique key, not this batch, guarantees
/// uniqueness against codes issued before.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CouponCodeBatch : IReadOnlyList<CouponCode>
{
    private readonly ulong[]? _keys;
    private readonly UInt128[]? _wideKeys;

    internal CouponCodeBatch(CouponCodePattern pattern, ulong[] keys)
    {
        Pattern = pattern;
        _keys = keys;
        Count = keys.Length;
    }

    internal CouponCodeBatch(CouponCodePattern pattern, UInt128[] wideKeys)
    {
        Pattern = pattern;
        _wideKeys = wideKeys;
        Count = wideKeys.Length;
    }

    /// <summary>The pattern every code in the batch follows.</summary>
    public CouponCodePattern Pattern { get; }

    /// <summary>The number of codes.</summary>
    public int Count { get; }

    /// <summary>The code at <paramref name="index"/>, in the order the codes were drawn.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The code, printed as <see cref="Pattern"/> says.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public CouponCode this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return CouponCodeGenerator.Create(Pattern, _keys is not null ? _keys[index] : _wideKeys![index]);
        }
    }

    /// <summary>Reads the codes in the order they were drawn.</summary>
    /// <returns>An enumerator that builds each code as it is reached.</returns>
    public IEnumerator<CouponCode> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

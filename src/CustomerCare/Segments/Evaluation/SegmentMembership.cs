using System.Numerics;
using CustomerCare.Customers;

namespace CustomerCare.Segments.Evaluation;

/// <summary>Which rows of a <see cref="CustomerTable"/> a rule selected, as a bit per customer.</summary>
/// <remarks>Immutable after evaluation; safe to share across threads.</remarks>
public sealed class SegmentMembership
{
    private readonly ulong[] _bits;

    internal SegmentMembership(CustomerTable table, ulong[] bits)
    {
        Table = table;
        _bits = bits;
        Count = bits.Sum(b => BitOperations.PopCount(b));
    }

    /// <summary>The table the rule ran over.</summary>
    public CustomerTable Table { get; }

    /// <summary>How many customers matched.</summary>
    public int Count { get; }

    /// <summary>Whether a row matched.</summary>
    /// <param name="index">The row.</param>
    /// <returns><see langword="true"/> when the customer is a member.</returns>
    public bool Contains(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Table.Count);
        return (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>The matching rows, ascending.</summary>
    /// <returns>The row indexes.</returns>
    public IEnumerable<int> Indexes()
    {
        for (var word = 0; word < _bits.Length; word++)
        {
            var bits = _bits[word];
            while (bits != 0)
            {
                yield return (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }

    /// <summary>The identifiers of the matching customers, in table order.</summary>
    /// <returns>The identifiers.</returns>
    public IEnumerable<CustomerId> CustomerIds() => Indexes().Select(i => Table.Customers[i].Id);
}

using System.Text;

namespace CustomerCare.Privacy.Consent;

/// <summary>
/// Which consents a customer currently holds, one yes/no per purpose × channel, derived from the ledger's history by
/// <see cref="From"/>. The default value holds no consent.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The ledger is the source of truth; a <see cref="Customers.Customer.Consents"/>
/// snapshot is this value as of the customer's last commit, kept so that segments, campaigns and SQL stores can filter
/// without reading the ledger.</para>
/// <para><see cref="Mask"/> is the storage form: bit <c>4 × purpose + channel</c> (<see cref="BitOf"/>) is set when
/// that consent is held, so <c>Marketing × Email</c> is bit 0 (value 1) and <c>Surveys × Push</c> bit 11.</para>
/// </remarks>
public readonly record struct ConsentState
{
    /// <summary>The mask with every known consent set.</summary>
    public const int AllMask = (1 << (PurposeCount * ChannelCount)) - 1;

    private const int PurposeCount = 3;
    private const int ChannelCount = 4;

    private ConsentState(int mask) => Mask = mask;

    /// <summary>No consent at all.</summary>
    public static ConsentState None => default;

    /// <summary>The storage form: one bit per purpose × channel, see <see cref="BitOf"/>.</summary>
    public int Mask { get; }

    /// <summary>Derives the current state from a customer's history: for each purpose × channel, the record with the latest <see cref="ConsentRecord.RecordedAt"/> wins, and between equal instants the one later in the sequence.</summary>
    /// <param name="history">The records, in ledger (append) order.</param>
    /// <returns>The state; <see cref="None"/> for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public static ConsentState From(IEnumerable<ConsentRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        // OrderBy is stable: records at the same instant keep their sequence, so the later one is applied last.
        var mask = 0;
        foreach (var record in history.OrderBy(r => r.RecordedAt))
        {
            var bit = 1 << BitOf(record.Purpose, record.Channel);
            mask = record.Grants ? mask | bit : mask & ~bit;
        }

        return new ConsentState(mask);
    }

    /// <summary>Reads the storage form.</summary>
    /// <param name="mask">The mask, as <see cref="Mask"/> wrote it.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bit outside <see cref="AllMask"/> is set.</exception>
    public static ConsentState FromMask(int mask)
    {
        if ((mask & ~AllMask) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mask), mask, "The consent mask has bits that name no purpose × channel.");
        }

        return new ConsentState(mask);
    }

    /// <summary>The bit of a purpose × channel in <see cref="Mask"/>: <c>4 × purpose + channel</c>.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The bit index, 0–11.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The purpose or the channel is not defined.</exception>
    public static int BitOf(ConsentPurpose purpose, ConsentChannel channel)
    {
        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a consent purpose.");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a consent channel.");
        }

        return ((int)purpose * ChannelCount) + (int)channel;
    }

    /// <summary>Whether the customer currently consents to a purpose on a channel.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> when the latest record for it is a grant.</returns>
    public bool Allows(ConsentPurpose purpose, ConsentChannel channel) => (Mask & (1 << BitOf(purpose, channel))) != 0;

    /// <summary>A copy with one consent set or cleared.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="granted">Whether it is held.</param>
    /// <returns>The new state.</returns>
    public ConsentState With(ConsentPurpose purpose, ConsentChannel channel, bool granted)
    {
        var bit = 1 << BitOf(purpose, channel);
        return new ConsentState(granted ? Mask | bit : Mask & ~bit);
    }

    /// <summary>The held consents as <c>purpose:channel</c> pairs, such as <c>marketing:email,surveys:sms</c>; <c>none</c> when empty.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Mask == 0)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            foreach (var channel in Enum.GetValues<ConsentChannel>())
            {
                if (Allows(purpose, channel))
                {
                    text.Append(text.Length == 0 ? string.Empty : ",")
                        .Append(purpose.ToString().ToLowerInvariant()).Append(':').Append(channel.ToString().ToLowerInvariant());
                }
            }
        }

        return text.ToString();
    }
}

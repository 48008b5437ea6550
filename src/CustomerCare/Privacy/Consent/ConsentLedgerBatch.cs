namespace CustomerCare.Privacy.Consent;

/// <summary>The argument checks every <see cref="Storage.IConsentLedger"/> implementation shares.</summary>
public static class ConsentLedgerBatch
{
    /// <summary>Checks a batch: not null, no null record, no id twice.</summary>
    /// <param name="records">The batch.</param>
    /// <exception cref="ArgumentNullException">The batch or a record is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two records share an id.</exception>
    public static void Check(IReadOnlyList<ConsentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (!ids.Add(record.Id))
            {
                throw new ArgumentException($"The batch holds consent record id '{record.Id}' twice.", nameof(records));
            }
        }
    }
}

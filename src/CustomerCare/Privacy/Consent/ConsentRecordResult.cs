namespace CustomerCare.Privacy.Consent;

/// <summary>What recording one consent record did.</summary>
/// <param name="Appended">1 when the record was new, 0 when it was in the ledger before.</param>
/// <param name="State">The customer's state derived from the whole history after the append.</param>
/// <param name="SnapshotUpdated">Whether the customer's <see cref="Customers.Customer.Consents"/> snapshot was committed with a new value (<see langword="false"/> when it was already current or the customer is not in the store).</param>
public sealed record ConsentRecordResult(int Appended, ConsentState State, bool SnapshotUpdated);

/// <summary>What recording a batch of consent records did.</summary>
/// <param name="Appended">How many records were new to the ledger (0 when every one was there before).</param>
/// <param name="States">Each customer of the batch with their state derived from the whole history after the append.</param>
/// <param name="SnapshotsUpdated">How many customers' <see cref="Customers.Customer.Consents"/> snapshots were committed with a new value.</param>
public sealed record ConsentBatchResult(int Appended, IReadOnlyDictionary<Customers.CustomerId, ConsentState> States, int SnapshotsUpdated);

namespace CustomerCare.Privacy.Consent;

/// <summary>
/// Thrown when a consent record is appended under an id the ledger already holds with different content: ids are
/// idempotency keys, and the history is never rewritten.
/// </summary>
public sealed class ConsentRecordConflictException : Exception
{
    /// <summary>Creates the exception without details.</summary>
    public ConsentRecordConflictException()
        : base("A consent record with this id but different content is already in the ledger.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public ConsentRecordConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public ConsentRecordConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a record id (for ledger implementations).</summary>
    /// <param name="recordId">The id.</param>
    /// <returns>The exception, naming the id.</returns>
    public static ConsentRecordConflictException ForRecord(string recordId) =>
        new($"Consent record id '{recordId}' is already in the ledger with different content; a record id is an idempotency key and the history is never rewritten.") { RecordId = recordId };

    /// <summary>The id that conflicted, when known.</summary>
    public string? RecordId { get; private init; }
}

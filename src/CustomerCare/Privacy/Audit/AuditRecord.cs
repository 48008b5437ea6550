namespace CustomerCare.Privacy.Audit;

/// <summary>What to write to the audit log; the log gives it its sequence number and its place in the hash chain.</summary>
/// <remarks>
/// <see cref="Details"/> must not carry personal data: name customers by id in <see cref="Subject"/>, not by name,
/// e-mail or phone. <see cref="AuditTrail"/> passes the details through a redactor as a second line of defence.
/// </remarks>
public sealed record AuditRecord
{
    /// <summary>The longest actor and subject.</summary>
    public const int MaxIdentifierLength = 200;

    /// <summary>The longest details.</summary>
    public const int MaxDetailsLength = 4000;

    /// <summary>Creates a record, checked.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="actor">Who did it: a staff id, or <c>system</c>.</param>
    /// <param name="kind">What kind of action.</param>
    /// <param name="subject">What it was done to, such as <c>complaint:CMP-7KQ2</c> or <c>customer:c-42</c>.</param>
    /// <param name="details">What was done, without personal data; may be empty.</param>
    /// <exception cref="FieldValidationException">A value is blank, too long, padded, holds a control character, or the kind is not defined; every problem is listed.</exception>
    public AuditRecord(NodaTime.Instant at, string actor, AuditActionKind kind, string subject, string details)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(actor, MaxIdentifierLength, "actor") is { } actorError)
        {
            errors.Add(actorError);
        }

        if (Identifiers.Check(subject, MaxIdentifierLength, "subject") is { } subjectError)
        {
            errors.Add(subjectError);
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(FieldErrors.Create("kind", kind.ToString(), FieldErrorCodes.Unknown, "is not an audit action kind"));
        }

        if (details is null)
        {
            errors.Add(FieldErrors.Create("details", null, FieldErrorCodes.Required, "is required (it may be empty)"));
        }
        else if (details.Length > MaxDetailsLength)
        {
            errors.Add(FieldErrors.Create("details", details[..40] + "…", FieldErrorCodes.TooLong, $"is longer than {MaxDetailsLength} characters"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        At = at;
        Actor = actor;
        Kind = kind;
        Subject = subject;
        Details = details!;
    }

    /// <summary>When it happened.</summary>
    public NodaTime.Instant At { get; }

    /// <summary>Who did it.</summary>
    public string Actor { get; }

    /// <summary>What kind of action.</summary>
    public AuditActionKind Kind { get; }

    /// <summary>What it was done to.</summary>
    public string Subject { get; }

    /// <summary>What was done, without personal data.</summary>
    public string Details { get; }
}

using System.Collections.Immutable;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Privacy.Breach;

/// <summary>
/// A personal-data breach (KVKK art. 12, GDPR art. 33–34): what happened, when it was detected, which data and whom it
/// affected, and the notice text customers receive.
/// </summary>
/// <remarks>
/// The authority must be told within <see cref="AuthorityWindow"/> of detection (<see cref="DeadlineAt"/>); the
/// affected customers without delay (<see cref="BreachNotifier"/>). Immutable and thread-safe; time is passed in.
/// </remarks>
public sealed record DataBreach
{
    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The longest description.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>How long after detection the authority must be told: 72 hours.</summary>
    public static readonly Duration AuthorityWindow = Duration.FromHours(72);

    /// <summary>Creates a breach record, checked.</summary>
    /// <param name="id">Its id, such as <c>B-2026-11</c>.</param>
    /// <param name="description">What happened, for staff and the authority.</param>
    /// <param name="occurredAt">When it happened, as far as known.</param>
    /// <param name="detectedAt">When it was detected; the 72-hour window starts here.</param>
    /// <param name="dataCategories">The kinds of data affected, as codes (<c>name</c>, <c>email</c>, <c>phone</c>, <c>address</c>).</param>
    /// <param name="affected">Who was affected.</param>
    /// <param name="notices">The notice text by language (<c>tr</c>, <c>en</c>); a customer whose language is missing gets the first.</param>
    /// <exception cref="FieldValidationException">A value is missing, too long or malformed; every problem is listed.</exception>
    public DataBreach(string id, string description, Instant occurredAt, Instant detectedAt, IReadOnlyList<string> dataCategories, BreachAudience affected, IReadOnlyDictionary<string, BreachNoticeText> notices)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(id, MaxIdLength, "id") is { } idError)
        {
            errors.Add(idError);
        }

        if (string.IsNullOrWhiteSpace(description) || description.Length > MaxDescriptionLength)
        {
            errors.Add(FieldErrors.Create("description", description, string.IsNullOrWhiteSpace(description) ? FieldErrorCodes.Required : FieldErrorCodes.TooLong, $"must hold 1 to {MaxDescriptionLength} characters"));
        }

        if (occurredAt > detectedAt)
        {
            errors.Add(FieldErrors.Create("occurred_at", occurredAt.ToString(), FieldErrorCodes.OutOfRange, "is after detected_at " + detectedAt.ToString()));
        }

        var categories = (dataCategories ?? []).ToImmutableArray();
        if (categories.IsEmpty || categories.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(FieldErrors.Create("data_categories", string.Join(",", categories), FieldErrorCodes.Required, "must name at least one category, none blank"));
        }

        if (affected is null)
        {
            errors.Add(FieldErrors.Create("affected", null, FieldErrorCodes.Required, "is required"));
        }

        if (notices is null || notices.Count == 0 || notices.Any(n => string.IsNullOrWhiteSpace(n.Key) || n.Value is null))
        {
            errors.Add(FieldErrors.Create("notices", null, FieldErrorCodes.Required, "must give the notice text in at least one language"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        Id = id;
        Description = description;
        OccurredAt = occurredAt;
        DetectedAt = detectedAt;
        DataCategories = [.. categories];
        Affected = affected!;
        Notices = notices!.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>What happened.</summary>
    public string Description { get; }

    /// <summary>When it happened, as far as known.</summary>
    public Instant OccurredAt { get; }

    /// <summary>When it was detected.</summary>
    public Instant DetectedAt { get; }

    /// <summary>The kinds of data affected, as codes.</summary>
    public IReadOnlyList<string> DataCategories { get; }

    /// <summary>Who was affected.</summary>
    public BreachAudience Affected { get; }

    /// <summary>The notice text by language, ordered by language code.</summary>
    public IReadOnlyDictionary<string, BreachNoticeText> Notices { get; }

    /// <summary>When the authority was told, or <see langword="null"/> while it has not been.</summary>
    public Instant? AuthorityNotifiedAt { get; init; }

    /// <summary>When the authority must have been told: <see cref="DetectedAt"/> plus <see cref="AuthorityWindow"/>.</summary>
    public Instant DeadlineAt => DetectedAt + AuthorityWindow;

    /// <summary>Whether the authority deadline has passed without the authority being told.</summary>
    /// <param name="now">The instant, from the clock.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(Instant now) => AuthorityNotifiedAt is null && now > DeadlineAt;

    /// <summary>The notice text for a locale: its language's, or else the first language's.</summary>
    /// <param name="locale">The customer's locale.</param>
    /// <returns>The text.</returns>
    public BreachNoticeText NoticeFor(Locale locale) =>
        Notices.TryGetValue(locale.Culture.TwoLetterISOLanguageName, out var text) ? text : Notices.First().Value;
}

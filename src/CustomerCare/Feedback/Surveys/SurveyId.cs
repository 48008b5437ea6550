using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CustomerCare.Feedback.Surveys;

/// <summary>
/// The identifier of one survey, which the invitation carries (for example in the answer link): 1–64 characters, no
/// control characters, compared ordinally.
/// </summary>
/// <remarks>
/// <see cref="New"/> draws 128 random bits, so an identifier cannot be guessed from the order or the customer and a
/// stranger cannot answer someone else's survey.
/// </remarks>
public readonly record struct SurveyId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private SurveyId(string value) => _value = value;

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>A new random identifier: 32 lowercase hexadecimal digits.</summary>
    /// <returns>The identifier.</returns>
    public static SurveyId New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Creates an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FieldValidationException">The text is blank, too long, padded or has control characters.</exception>
    public static SurveyId From(string? value) =>
        TryFrom(value, out var id, out var error) ? id : throw new FieldValidationException(error);

    /// <summary>Tries to create an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The identifier, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryFrom(string? value, out SurveyId id, [NotNullWhen(false)] out FieldError? error, string field = "survey_id")
    {
        id = default;
        error = Identifiers.Check(value, MaxLength, field);
        if (error is null)
        {
            id = new SurveyId(value!);
        }

        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

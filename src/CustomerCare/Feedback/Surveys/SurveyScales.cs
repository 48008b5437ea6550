using System.Globalization;

namespace CustomerCare.Feedback.Surveys;

/// <summary>The score range of each <see cref="SurveyKind"/>: the one place that knows CSAT is 1–5 and NPS 0–10.</summary>
internal static class SurveyScales
{
    public static int Min(SurveyKind kind) => kind switch
    {
        SurveyKind.Csat => 1,
        SurveyKind.Nps => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown survey kind."),
    };

    public static int Max(SurveyKind kind) => kind switch
    {
        SurveyKind.Csat => 5,
        SurveyKind.Nps => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown survey kind."),
    };

    public static bool IsDefined(SurveyKind kind) => kind is SurveyKind.Csat or SurveyKind.Nps;

    /// <summary>The error for a score outside the kind's range, or <see langword="null"/> when it is inside.</summary>
    public static FieldError? Check(SurveyKind kind, int score, string field = "score") =>
        score < Min(kind) || score > Max(kind)
            ? FieldErrors.Create(field, score.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be between {Min(kind)} and {Max(kind)} for a {Name(kind)} survey"))
            : null;

    public static string Name(SurveyKind kind) => kind == SurveyKind.Csat ? "CSAT" : "NPS";
}

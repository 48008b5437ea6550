namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds e-mail addresses: a local part, an <c>@</c>, and a dotted domain whose last label has two or more letters.</summary>
/// <remarks>
/// International letters are accepted in both parts (<c>ayşe.yılmaz@örnek.com.tr</c>). Each character is looked at a
/// bounded number of times, so the scan is linear in the text. Thread-safe.
/// </remarks>
public sealed class EmailDetector : IPersonalDataDetector
{
    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.Email;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataSpan>();
        var searchFrom = 0;
        var consumedUntil = 0;
        while (searchFrom < text.Length)
        {
            var at = text.IndexOf('@', searchFrom);
            if (at < 0)
            {
                break;
            }

            searchFrom = at + 1;
            var start = at;
            while (start > consumedUntil && IsLocal(text[start - 1]))
            {
                start--;
            }

            // A local part does not start with a dot.
            while (start < at && text[start] == '.')
            {
                start++;
            }

            if (start == at)
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && IsDomain(text[end]) && !(text[end] == '.' && text[end - 1] is '.' or '@'))
            {
                end++;
            }

            // A sentence's full stop or a trailing hyphen is not part of the domain.
            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            var lastDot = end > at + 1 ? text.LastIndexOf('.', end - 1, end - at - 1) : -1;
            if (lastDot <= at + 1 || end - lastDot - 1 < 2 || !IsTopLevel(text.AsSpan(lastDot + 1, end - lastDot - 1)))
            {
                continue;
            }

            found.Add(new PersonalDataSpan(start, end - start, Kind));
            consumedUntil = end;
            searchFrom = end;
        }

        return found;
    }

    private static bool IsLocal(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    private static bool IsDomain(char c) => char.IsLetterOrDigit(c) || c is '-' or '.';

    private static bool IsTopLevel(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}

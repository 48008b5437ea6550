using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Complaints.Intake;

/// <summary>Checks a <see cref="ComplaintSubmission"/> and reads its typed values; every problem is named with its field and value.</summary>
internal static class ComplaintSubmissionValidator
{
    public static ValidSubmission Validate(ComplaintSubmission submission, Instant now)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(submission.Channel))
        {
            errors.Add(FieldErrors.Create("channel", submission.Channel.ToString(), FieldErrorCodes.Unknown, "is not a complaint channel"));
        }

        Add(errors, Identifiers.Check(submission.SourceReference, ComplaintLimits.MaxSourceReferenceLength, "source_reference"));
        if (string.IsNullOrWhiteSpace(submission.Text))
        {
            errors.Add(FieldErrors.Create("text", submission.Text, FieldErrorCodes.Required, "is empty; a complaint needs its text"));
        }
        else if (submission.Text.Length > ComplaintLimits.MaxTextLength)
        {
            errors.Add(FieldErrors.Create("text", submission.Text, FieldErrorCodes.TooLong, $"is {submission.Text.Length} characters; at most {ComplaintLimits.MaxTextLength} are accepted"));
        }
        else
        {
            CheckOptionalText(errors, "text", submission.Text, ComplaintLimits.MaxTextLength);
        }

        CheckOptionalText(errors, "title", submission.Title, ComplaintLimits.MaxTitleLength);
        CheckOptionalText(errors, "author_handle", submission.AuthorHandle, ComplaintLimits.MaxAuthorHandleLength);
        var customerId = Optional(errors, submission.CustomerId, (string t, out CustomerId v, out FieldError? e) => CustomerId.TryFrom(t, out v, out e, "customer_id"));
        var email = Optional(errors, submission.Email, (string t, out EmailAddress v, out FieldError? e) => EmailAddress.TryParse(t, out v, out e, "email"));
        var phone = Optional(errors, submission.Phone, (string t, out PhoneNumber v, out FieldError? e) => PhoneNumber.TryParse(t, out v, out e, "phone"));
        var order = Optional(errors, submission.OrderNumber, (string t, out OrderId v, out FieldError? e) => OrderId.TryFrom(t, out v, out e, "order_number"));
        if (submission.ProductId is not null)
        {
            Add(errors, Identifiers.Check(submission.ProductId, ComplaintLimits.MaxProductIdLength, "product_id"));
        }

        var writtenAt = submission.WrittenAt ?? now;
        if (writtenAt > now + ComplaintLimits.MaxClockSkew)
        {
            errors.Add(FieldErrors.Create("written_at", InstantPattern.General.Format(writtenAt), FieldErrorCodes.OutOfRange,
                $"is in the future (now is {InstantPattern.General.Format(now)})"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        var isPublic = submission.IsPublic ?? submission.Channel is ComplaintChannel.Twitter or ComplaintChannel.Facebook or ComplaintChannel.ComplaintSite;
        return new ValidSubmission(submission, customerId, email, phone, order, writtenAt, isPublic);
    }

    private delegate bool TryParse<T>(string text, out T value, out FieldError? error);

    private static T? Optional<T>(List<FieldError> errors, string? text, TryParse<T> parse)
        where T : struct
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (parse(text, out var value, out var error))
        {
            return value;
        }

        errors.Add(error!);
        return null;
    }

    private static void CheckOptionalText(List<FieldError> errors, string field, string? text, int max)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > max)
        {
            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.TooLong, $"is longer than {max} characters"));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "contains a control character"));
        }
    }

    private static void Add(List<FieldError> errors, FieldError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}

/// <summary>A submission whose values have been checked and parsed.</summary>
internal sealed record ValidSubmission(
    ComplaintSubmission Submission,
    CustomerId? CustomerId,
    EmailAddress? Email,
    PhoneNumber? Phone,
    OrderId? OrderId,
    Instant WrittenAt,
    bool IsPublic);

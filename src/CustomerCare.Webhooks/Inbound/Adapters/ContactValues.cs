using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Webhooks;

/// <summary>Checks the contact values an adapter read with the core value types, so an error names the payload's own field.</summary>
internal static class ContactValues
{
    public static string? Email(string? text, string field, List<FieldError> errors) =>
        text is null || EmailAddress.TryParse(text, out _, out var error, field) ? text : Fail(errors, error);

    public static string? Phone(string? text, string field, List<FieldError> errors) =>
        text is null || PhoneNumber.TryParse(text, out _, out var error, field) ? text : Fail(errors, error);

    public static string? CustomerId(string? text, string field, List<FieldError> errors) =>
        text is null || Customers.CustomerId.TryFrom(text, out _, out var error, field) ? text : Fail(errors, error);

    public static string? OrderNumber(string? text, string field, List<FieldError> errors) =>
        text is null || OrderId.TryFrom(text, out _, out var error, field) ? text : Fail(errors, error);

    public static Locale? Locale(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Customers.Locale.TryParse(text, out var locale, out var error, field))
        {
            return locale;
        }

        errors.Add(error);
        return null;
    }

    private static string? Fail(List<FieldError> errors, FieldError error)
    {
        errors.Add(error);
        return null;
    }
}

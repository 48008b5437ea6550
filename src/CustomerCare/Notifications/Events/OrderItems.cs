using CustomerCare.Orders;
using CustomerCare.Templates;

namespace CustomerCare.Notifications.Events;

/// <summary>An order's lines as the templates' <c>items</c>: a name and a quantity each.</summary>
internal static class OrderItems
{
    public static IEnumerable<TemplateModel> Of(Order? order) =>
        order is null || order.Lines.IsDefaultOrEmpty
            ? []
            : order.Lines.Select(line => new TemplateModelBuilder().Text("name", line.ProductId).Number("quantity", line.Quantity).Build());
}

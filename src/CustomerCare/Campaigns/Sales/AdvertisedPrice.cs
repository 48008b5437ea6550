namespace CustomerCare.Campaigns.Sales;

/// <summary>One product's price as a sale campaign shows it: the crossed-out "was" price and the sale price.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="WasPrice">The crossed-out price; it must be the lowest of the 30 days before the sale starts.</param>
/// <param name="Price">The sale price; it must be lower than <paramref name="WasPrice"/>.</param>
public sealed record AdvertisedPrice(string ProductId, Money WasPrice, Money Price);

namespace SolarEvents.Application.Identity;

/// <summary>The roles of the access table (docs/architecture.md), spelled as they appear in tokens.</summary>
public static class Roles
{
    public const string Customer = "Customer";
    public const string SupportAgent = "SupportAgent";
    public const string Sales = "Sales";
    public const string Engineer = "Engineer";
    public const string Compliance = "Compliance";
    public const string Admin = "Admin";
    public const string Installer = "Installer";

    /// <summary>The roles a token can carry.</summary>
    public static IReadOnlyList<string> All { get; } = [Customer, SupportAgent, Sales, Engineer, Compliance, Admin, Installer];

    /// <summary>The payment provider reporting a payment: a machine that signs its reports and holds no token.</summary>
    public const string PaymentProvider = "PaymentProvider";
}

/// <summary>JWT claim names, used as they are (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string SessionId = "sid";
    public const string TokenId = "jti";
}

namespace ApimAiGateway.Hosting.Regions;

/// <summary>
/// Azure's display names for region codes, as Azure OpenAI reports them in <c>x-ms-region</c> ("eastus" answers
/// "East US"). Codes not listed are shown as written.
/// </summary>
internal static class RegionNames
{
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["australiaeast"] = "Australia East",
        ["brazilsouth"] = "Brazil South",
        ["canadaeast"] = "Canada East",
        ["eastus"] = "East US",
        ["eastus2"] = "East US 2",
        ["francecentral"] = "France Central",
        ["germanywestcentral"] = "Germany West Central",
        ["japaneast"] = "Japan East",
        ["northcentralus"] = "North Central US",
        ["norwayeast"] = "Norway East",
        ["southcentralus"] = "South Central US",
        ["swedencentral"] = "Sweden Central",
        ["switzerlandnorth"] = "Switzerland North",
        ["uksouth"] = "UK South",
        ["westeurope"] = "West Europe",
        ["westus"] = "West US",
        ["westus3"] = "West US 3",
    };

    public static string DisplayName(string code) => DisplayNames.GetValueOrDefault(code, code);
}

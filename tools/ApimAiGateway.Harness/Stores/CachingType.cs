namespace ApimAiGateway.Harness.Stores;

/// <summary>The <c>caching-type</c> attribute of the caching policies (apim-reference §4.29/§4.30); APIM's default is prefer-external.</summary>
public enum CachingType
{
    Internal,
    External,
    PreferExternal,
}

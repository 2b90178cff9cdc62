namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>How a caller proved who it is: Azure OpenAI takes a resource key or a Microsoft Entra ID token.</summary>
public enum AzureOpenAiAuthentication
{
    /// <summary>The <c>api-key</c> header.</summary>
    ApiKey,

    /// <summary><c>Authorization: Bearer …</c>, as APIM's authentication-managed-identity sends.</summary>
    EntraToken,
}

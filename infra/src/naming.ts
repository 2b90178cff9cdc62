/**
 * Azure names derived from the stack's prefix. Several are global DNS names (APIM, Key Vault, the accounts'
 * custom subdomains), so the prefix must be unique per environment.
 */
export interface ResourceNames {
    readonly resourceGroup: string;
    readonly logAnalytics: string;
    readonly appInsights: string;
    readonly keyVault: string;
    readonly apim: string;
    /** Account name, also used as its custom subdomain `<name>.openai.azure.com`. */
    account(region: string): string;
}

export function resourceNames(prefix: string): ResourceNames {
    return {
        resourceGroup: `${prefix}-rg`,
        logAnalytics: `${prefix}-law`,
        appInsights: `${prefix}-appi`,
        keyVault: `${prefix}-kv`,
        apim: `${prefix}-apim`,
        account: (region) => `${prefix}-aoai-${region}`,
    };
}

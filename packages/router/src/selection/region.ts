const azureRegions: Readonly<Record<string, readonly string[]>> = {
  eu: [
    'westeurope',
    'northeurope',
    'francecentral',
    'francesouth',
    'germanywestcentral',
    'italynorth',
    'polandcentral',
    'spaincentral',
    'swedencentral',
    'switzerlandnorth',
    'norwayeast',
  ],
  us: ['eastus', 'eastus2', 'westus', 'westus2', 'westus3', 'centralus', 'northcentralus', 'southcentralus'],
};

const prefixes: Readonly<Record<string, readonly string[]>> = {
  eu: ['eu-', 'eu_', 'europe-'],
  us: ['us-', 'us_'],
};

/**
 * Whether a deployment's region (AWS "eu-west-1", Vertex "europe-west4", Azure "swedencentral") lies in the
 * allowed region ("eu", "us", or an exact region name). A deployment with no known region never matches.
 */
export function regionAllowed(allowed: string, region: string | undefined): boolean {
  if (region === undefined) return false;
  const wanted = allowed.toLowerCase();
  const actual = region.toLowerCase();
  if (actual === wanted) return true;
  if (azureRegions[wanted]?.includes(actual)) return true;
  return prefixes[wanted]?.some((prefix) => actual.startsWith(prefix)) ?? false;
}

import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const performanceMonitoring: CategoryDefinition = {
  id: 'performance-monitoring',
  title: 'Performance monitoring',
  expectation: 'KPIs, regular performance reports and service reviews, benchmarking.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'kpis', pattern: /\bkey performance indicators?\b|\bKPIs?\b|\bperformance (?:metrics|indicators|measures|standards|requirements)\b|\bquality (?:metrics|measures)\b/i },
      { requirement: 'reports', pattern: /\b(?:performance|service(?: level)?|SLA|availability|uptime|monthly|quarterly|management) reports?\b|\breport(?:s|ing)?\b[^.]{0,60}\b(?:performance|service levels?|availability|uptime|metrics)\b/i, supplierDuty: true },
      { requirement: 'reviews', pattern: /\b(?:service|performance|business|quarterly|annual|operational) reviews?\b|\breview meetings?\b|\bQASP\b|\bquality assurance surveillance\b|\b(?:review|assess|evaluate)\b[^.]{0,40}\b(?:the )?(?:supplier'?s?|contractor'?s?|provider'?s?|vendor'?s?)? ?performance\b/i },
      { requirement: 'benchmarking', pattern: /\bbenchmark|\b(?:compare|comparison|compared)\b[^.]{0,80}\b(?:market|similar (?:services|suppliers|providers|contracts|arrangements)|other (?:suppliers|providers))\b|\bmarket (?:rates?|prices?|review|testing)\b/i },
      { requirement: 'monitoring', pattern: /\bmonitor\w*\b[^.]{0,60}\b(?:performance|service levels?|availability|uptime|the services|progress)\b|\b(?:performance|service levels?|availability|uptime)\b[^.]{0,40}\bmonitor\w*|\bstatus (?:page|dashboard)\b|\bstatus of the (?:project|work|services|tasks?)\b/i },
      // Status visibility without reporting duties: usage reports or statistics the customer can look up.
      { requirement: 'monitoring', pattern: /\busage (?:reports?|statistics|dashboards?)\b|\b(?:obtain|access|view|see|receive)\b[^.]{0,30}\b(?:information|reports?|statistics)\b[^.]{0,40}\b(?:use|usage) of the (?:services?|software|system|platform|application)\b/i },
    ], /\b(?:performance (?:monitoring|management|review|reporting|standards)|service reviews?|KPIs?|key performance|benchmarking|quality assurance|reporting)\b/i);
    if (has(found, 'kpis', 'reports', 'reviews', 'benchmarking')) return verdictOf('performance-monitoring', found, 'present', 'KPIs, performance reports or service reviews');
    if (has(found, 'monitoring', 'heading')) return verdictOf('performance-monitoring', found, 'weak', 'performance is monitored, but not reported or reviewed with the customer');
    return verdictOf('performance-monitoring', found, 'missing', 'no performance reporting, KPIs or reviews');
  },
};

/**
 * The demo catalog: believable products priced in KRW. KRW has no minor unit, so `price` is whole won
 * (₩12,900 is 12900). Stock includes low levels (1–5) and exactly one sold-out product.
 */
export const CURRENCY = 'KRW';

export interface DemoCategory {
  slug: string;
  name: string;
}

export interface DemoProduct {
  slug: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  category: string;
}

export const demoCategories: readonly DemoCategory[] = [
  { slug: 'coffee-tea', name: 'Coffee & Tea' },
  { slug: 'kitchen', name: 'Kitchen' },
  { slug: 'stationery', name: 'Stationery' },
  { slug: 'home', name: 'Home & Living' },
  { slug: 'outdoor', name: 'Outdoor' },
  { slug: 'audio', name: 'Audio' },
];

/** The one product seeded with stock 0; end-to-end tests use it for "Sold out". */
export const SOLD_OUT_SLUG = 'matcha-whisk-set';

type Row = [slug: string, name: string, price: number, stock: number, description: string];

const rows: Record<string, Row[]> = {
  'coffee-tea': [
    [
      'jeju-green-tea',
      'Jeju Green Tea, 100 g',
      18900,
      42,
      'Loose-leaf sejak from volcanic-soil gardens on Jeju Island. Grassy and sweet; brew at 70 °C for two minutes.',
    ],
    [
      'ethiopia-yirgacheffe-beans',
      'Ethiopia Yirgacheffe Beans, 200 g',
      21500,
      30,
      'Light-roast whole beans with notes of jasmine, lemon and honey, roasted in Seoul every Monday.',
    ],
    [
      'colombia-huila-beans',
      'Colombia Huila Beans, 200 g',
      19800,
      25,
      'Medium roast with chocolate and red apple and a round body, for espresso or filter.',
    ],
    [
      'ceramic-pour-over-dripper',
      'Ceramic Pour-Over Dripper',
      32000,
      4,
      'Hand-glazed ceramic dripper with spiral ribs for an even extraction. Fits size 02 paper filters.',
    ],
    [
      'gooseneck-kettle',
      'Gooseneck Kettle, 0.8 L',
      54000,
      12,
      'Stainless-steel kettle with a slim spout for precise pouring. Works on gas, electric and induction hobs.',
    ],
    [
      'yuja-citron-tea',
      'Yuja Citron Tea, 1 kg',
      15900,
      60,
      'Honeyed citron preserve from Goheung. Stir two spoonfuls into hot water for a winter classic.',
    ],
    [
      'cold-brew-bottle',
      'Cold Brew Bottle, 1 L',
      24900,
      18,
      'Heat-resistant glass bottle with a fine mesh filter. Steep coarse grounds overnight in the fridge.',
    ],
    [
      SOLD_OUT_SLUG,
      'Matcha Whisk Set',
      38000,
      0,
      'Bamboo chasen, scoop and a matte black bowl for whisking a frothy bowl of matcha.',
    ],
  ],
  kitchen: [
    [
      'cast-iron-skillet',
      'Cast Iron Skillet, 26 cm',
      59000,
      15,
      'Pre-seasoned cast iron that holds heat for a proper sear and goes from hob to oven.',
    ],
    [
      'walnut-cutting-board',
      'Walnut Cutting Board',
      45000,
      9,
      'End-grain walnut board that is kind to knife edges, finished with food-safe oil.',
    ],
    [
      'damascus-chef-knife',
      "Damascus Chef's Knife, 20 cm",
      129000,
      3,
      'Sixty-seven layers of steel around a hard core, with an octagonal wooden handle.',
    ],
    [
      'linen-apron',
      'Linen Apron',
      29000,
      22,
      'Stone-washed linen apron with a deep front pocket and adjustable cross-back straps.',
    ],
    [
      'stoneware-bowl-set',
      'Stoneware Bowl Set of 4',
      48000,
      14,
      'Reactive-glaze stoneware bowls for rice, soup or noodles. Dishwasher and microwave safe.',
    ],
    [
      'glass-storage-jars',
      'Glass Storage Jars, Set of 3',
      27500,
      35,
      'Borosilicate jars with airtight bamboo lids for coffee, grains and dried fruit.',
    ],
    [
      'onggi-kimchi-pot',
      'Onggi Kimchi Pot, 3 L',
      68000,
      5,
      'Breathable earthenware fermenting pot made by hand in Icheon, for kimchi, doenjang and pickles.',
    ],
    [
      'brass-spoon-chopsticks',
      'Brass Spoon & Chopsticks Set',
      34000,
      40,
      'Traditional bangjja brass sujeo set that warms to the touch and ages to a soft gold.',
    ],
  ],
  stationery: [
    [
      'dot-grid-notebook',
      'Dot Grid Notebook, A5',
      14500,
      80,
      'Lay-flat notebook with 160 pages of 100 gsm paper that keeps fountain-pen ink from bleeding.',
    ],
    [
      'fountain-pen',
      'Fountain Pen, Fine Nib',
      76000,
      7,
      'Resin barrel, steel fine nib and a converter for bottled ink. Writes smoothly from the first line.',
    ],
    [
      'brass-mechanical-pencil',
      'Brass Mechanical Pencil, 0.5 mm',
      39000,
      11,
      'Solid brass pencil with a knurled grip and a hidden eraser under the cap.',
    ],
    [
      'washi-tape-set',
      'Washi Tape Set of 6',
      9900,
      120,
      'Hand-tearable paper tapes in muted colours for journals, labels and gift wrap.',
    ],
    [
      'leather-pen-case',
      'Leather Pen Case',
      42000,
      2,
      'Vegetable-tanned leather case for three pens, stitched by hand in Seongsu-dong.',
    ],
    [
      'weekly-planner',
      'Undated Weekly Planner',
      18000,
      50,
      'Fifty-two undated weeks with a monthly overview, so you can start any time of the year.',
    ],
    [
      'letterpress-cards',
      'Letterpress Greeting Cards, 5 Pack',
      12500,
      45,
      'Cotton cards pressed with deep impressions, blank inside, with kraft envelopes.',
    ],
    [
      'hanji-sketchbook',
      'Hanji Sketchbook',
      22000,
      16,
      'Mulberry-bark hanji paper that takes ink, watercolour and charcoal beautifully.',
    ],
  ],
  home: [
    [
      'linen-duvet-cover',
      'Linen Duvet Cover, Queen',
      149000,
      6,
      'Pre-washed European linen that gets softer with every wash. Coconut-shell buttons.',
    ],
    [
      'wool-throw-blanket',
      'Wool Throw Blanket',
      89000,
      10,
      'Herringbone lambswool throw, 130 by 180 cm, for the sofa on cold evenings.',
    ],
    [
      'hinoki-soy-candle',
      'Hinoki Soy Candle',
      26000,
      28,
      'Soy-wax candle scented with hinoki cypress and cedar. About forty hours of burn time.',
    ],
    [
      'speckled-ceramic-vase',
      'Speckled Ceramic Vase',
      36000,
      13,
      'Wheel-thrown vase with a speckled oatmeal glaze, 22 cm tall, watertight inside.',
    ],
    [
      'rattan-storage-basket',
      'Rattan Storage Basket',
      31000,
      19,
      'Hand-woven rattan basket with handles for blankets, toys or laundry.',
    ],
    [
      'oak-table-lamp',
      'Oak Table Lamp',
      118000,
      1,
      'Solid oak base with a pleated linen shade and a warm dimmable LED bulb included.',
    ],
    [
      'cotton-bath-towel',
      'Cotton Bath Towel',
      23000,
      55,
      'Thick long-staple cotton towel, quick to dry and soft from the first use.',
    ],
    [
      'cedar-yuzu-diffuser',
      'Reed Diffuser, Cedar & Yuzu',
      29500,
      24,
      'A calm blend of cedarwood and bright yuzu peel that lasts around three months.',
    ],
  ],
  outdoor: [
    [
      'hiking-daypack',
      'Hiking Daypack, 22 L',
      98000,
      17,
      'Light daypack with a ventilated back panel, rain cover and hydration sleeve.',
    ],
    [
      'insulated-bottle',
      'Insulated Bottle, 750 ml',
      32000,
      48,
      'Double-walled steel bottle that keeps drinks cold for a day and hot for twelve hours.',
    ],
    [
      'camping-lantern',
      'Rechargeable Camping Lantern',
      45000,
      21,
      'Dimmable warm-white lantern with a USB-C battery that lasts a long weekend.',
    ],
    [
      'folding-camp-chair',
      'Folding Camp Chair',
      69000,
      8,
      'Aluminium-frame chair that folds to the size of a water bottle and holds 120 kg.',
    ],
    [
      'merino-beanie',
      'Merino Beanie',
      29000,
      33,
      'Rib-knit merino wool beanie that is warm, breathable and never itchy.',
    ],
    [
      'carbon-trekking-poles',
      'Carbon Trekking Poles, Pair',
      119000,
      4,
      'Three-section carbon poles with cork grips and quick flick locks.',
    ],
    [
      'waterproof-picnic-mat',
      'Waterproof Picnic Mat',
      27000,
      26,
      'Soft fleece top with a waterproof backing, for Han River picnics.',
    ],
    [
      'enamel-camp-mug',
      'Enamel Camp Mug',
      14000,
      70,
      'Classic enamel-on-steel mug for coffee by the campfire, 350 ml.',
    ],
  ],
  audio: [
    [
      'wireless-earbuds',
      'Wireless Earbuds',
      159000,
      20,
      'Noise-cancelling earbuds with eight hours of playback and a wireless charging case.',
    ],
    [
      'over-ear-headphones',
      'Over-Ear Headphones',
      249000,
      9,
      'Closed-back headphones with memory-foam cushions and thirty-hour battery life.',
    ],
    [
      'bluetooth-speaker',
      'Portable Bluetooth Speaker',
      89000,
      14,
      'Splash-proof speaker with full, warm sound and a strap for the trail.',
    ],
    [
      'belt-drive-turntable',
      'Belt-Drive Turntable',
      329000,
      3,
      'Two-speed turntable with a built-in phono preamp and a carbon-fibre tonearm.',
    ],
    [
      'vinyl-cleaning-kit',
      'Vinyl Cleaning Kit',
      19000,
      38,
      'Carbon-fibre brush, cleaning fluid and a microfibre cloth to keep records quiet.',
    ],
    [
      'usb-desk-microphone',
      'USB Desk Microphone',
      119000,
      11,
      'Cardioid condenser microphone for calls, podcasts and streaming. Plug and play.',
    ],
    [
      'walnut-headphone-stand',
      'Walnut Headphone Stand',
      39000,
      23,
      'Solid walnut stand with a brass stem that keeps headphones off the desk.',
    ],
    [
      'braided-audio-cable',
      'Braided Audio Cable, 1.5 m',
      12000,
      90,
      'Braided 3.5 mm cable with gold-plated connectors and strain relief.',
    ],
  ],
};

export const demoProducts: readonly DemoProduct[] = Object.entries(rows).flatMap(
  ([category, items]) =>
    items.map(([slug, name, price, stock, description]) => ({
      slug,
      name,
      description,
      price,
      stock,
      category,
    })),
);

export function imageUrlFor(slug: string): string {
  return `/products/${slug}.svg`;
}
